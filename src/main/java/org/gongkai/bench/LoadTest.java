package org.gongkai.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal under load, as a newsroom would put it: {@code serve} started as its own process in
 * {@code -Xmx512m} over the benchmark's index, then {@code connections} clients, each sending the
 * query mix over HTTP back to back (the next request when the last is answered) for {@code
 * seconds}; a request not answered in {@link #TIMEOUT} counts as a time-out. Written with the JDK's
 * HTTP client rather than {@code wrk}, so {@code bench} needs nothing installed and records the
 * result in {@code bench.json}.
 */
public final class LoadTest {

  /** How long a journalist waits before giving up on a page. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** The server's heap: what a small newsroom server gives it. */
  static final String SERVER_HEAP = "-Xmx512m";

  private static final Pattern RUNNING = Pattern.compile("running at http://[^:/]+:(\\d+)/");

  private final PrintWriter log;

  public LoadTest(PrintWriter log) {
    this.log = log;
  }

  /** The measured load: {@code {"connections", "seconds", "rps", "p50Ms", "p99Ms", …}}. */
  public ObjectNode run(
      Path index, List<String> paths, int connections, int seconds, ObjectMapper json)
      throws IOException, InterruptedException {
    return run(index, paths, connections, seconds, json, false);
  }

  /**
   * The same; with {@code distinct}, the paths are asked in their order, each once, so no answer is
   * asked for again while the server could still have it (it keeps its last 512): every request is
   * searched. Give more paths than the run can ask; past the last it starts again, thousands of
   * requests after the first asking.
   */
  public ObjectNode run(
      Path index,
      List<String> paths,
      int connections,
      int seconds,
      ObjectMapper json,
      boolean distinct)
      throws IOException, InterruptedException {
    return run(index, paths, connections, seconds, defaultWarmup(seconds), json, distinct);
  }

  /** The same, the server driven {@code warmupSeconds} before the load is measured. */
  public ObjectNode run(
      Path index,
      List<String> paths,
      int connections,
      int seconds,
      int warmupSeconds,
      ObjectMapper json,
      boolean distinct)
      throws IOException, InterruptedException {
    return serving(
        List.of("--index", index.toString()),
        paths,
        connections,
        seconds,
        warmupSeconds,
        json,
        distinct);
  }

  /**
   * The warm-up when none is given: twice the measured time, at most {@link #MAX_DEFAULT_WARMUP}
   * seconds. A freshly started {@code serve} compiles its code while it answers: on 1 M sections (2
   * cores, 16 connections, every query distinct) it answered 24 requests/s in its first 5 seconds
   * and reached its steady 180 only after about 55, the JIT compiling all along; a warm-up of a
   * tenth of a minute measured mostly that climb, not a server that has run a while.
   */
  public static int defaultWarmup(int seconds) {
    return Math.max(1, Math.min(MAX_DEFAULT_WARMUP, 2 * seconds));
  }

  /** The longest default warm-up: twice the climb measured on 1 M sections. */
  public static final int MAX_DEFAULT_WARMUP = 120;

  /**
   * The same against {@code serve} over another source: {@code --solr ZK_HOST/COLLECTION}, or
   * {@code --index DIR}.
   */
  public ObjectNode serving(
      List<String> source,
      List<String> paths,
      int connections,
      int seconds,
      ObjectMapper json,
      boolean distinct)
      throws IOException, InterruptedException {
    return serving(source, paths, connections, seconds, defaultWarmup(seconds), json, distinct);
  }

  /**
   * The same, the server driven with the mix for {@code warmupSeconds} first (its JIT and the
   * index's caches, as on a server that has run a while); in distinct mode the warm-up asks the
   * first paths and the measured load those after them, so with paths enough for both, each
   * measured path is asked for the first time ({@code asked} says how many were handed out).
   */
  public ObjectNode serving(
      List<String> source,
      List<String> paths,
      int connections,
      int seconds,
      int warmupSeconds,
      ObjectMapper json,
      boolean distinct)
      throws IOException, InterruptedException {
    Process server = start(source);
    try {
      int port = port(server);
      log.printf(
          "load: %d connections for %d s against serve (%s) on port %d …%n",
          connections, seconds, SERVER_HEAP, port);
      log.flush();
      String base = "http://127.0.0.1:" + port;
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .executor(Executors.newFixedThreadPool(connections))
              .build();
      AtomicLong next = distinct ? new AtomicLong() : null;
      Result warm = new Result();
      long warmStarted = System.nanoTime();
      drive(http, base, paths, next, connections, warmupSeconds, warm);
      double warmElapsed = (System.nanoTime() - warmStarted) / 1e9;
      Result r = new Result();
      long started = System.nanoTime();
      drive(http, base, paths, next, connections, seconds, r);
      double elapsed = (System.nanoTime() - started) / 1e9;
      long[] ms = r.latencies();
      Arrays.sort(ms);
      ObjectNode o = json.createObjectNode();
      o.put("connections", connections);
      o.put("seconds", seconds);
      o.put("requests", ms.length);
      o.put("rps", Math.round(r.answered.get() / elapsed * 100) / 100.0);
      o.put("p50Ms", percentile(ms, 0.50));
      o.put("p99Ms", percentile(ms, 0.99));
      o.put("timeouts", r.timeouts.get());
      o.put("errors", r.errors.get());
      o.put("serverHeap", SERVER_HEAP);
      o.put("timeoutMs", TIMEOUT.toMillis());
      o.put("queries", paths.size());
      o.put(
          "popularity",
          distinct
              ? "every query distinct, asked once in turn (the answer cache cannot help)"
              : "zipf (the i-th query asked with weight 1/i)");
      o.put("warmupSeconds", warmupSeconds);
      o.put("warmupRps", Math.round(warm.answered.get() / warmElapsed * 100) / 100.0);
      if (distinct) o.put("asked", next.get());
      return o;
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
    }
  }

  /** The query mix as paths: phrases, common words, filtered words, pages and the API. */
  public static List<String> mix(List<String> rare, List<String> common, List<String> words) {
    List<String> out = new ArrayList<>();
    int n = Math.max(rare.size(), 1);
    for (int i = 0; i < n; i++) {
      if (!rare.isEmpty()) out.add("/api/search?q=" + enc("\"" + rare.get(i) + "\""));
      if (!rare.isEmpty())
        out.add("/search?q=" + enc("\"" + rare.get((i * 7) % rare.size()) + "\""));
      if (!common.isEmpty())
        out.add("/api/search?q=" + enc("\"" + common.get(i % common.size()) + "\""));
      if (!words.isEmpty())
        out.add("/search?q=" + enc(words.get(i % words.size())) + "&region=" + enc("湖北省"));
    }
    return out;
  }

  /**
   * A mix in which no two searches are the same, for the uncached load: rare phrases quoted on the
   * API and on the results page (each phrase once), and words with a region on the results page,
   * each words query made distinct by a phrase's first two characters as a second word.
   */
  public static List<String> distinctMix(List<String> rare, List<String> words) {
    List<String> phrases = new ArrayList<>(new java.util.LinkedHashSet<>(rare));
    List<String> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i + 1 < phrases.size(); i += 2) {
      out.add("/api/search?q=" + enc("\"" + phrases.get(i) + "\""));
      out.add("/search?q=" + enc("\"" + phrases.get(i + 1) + "\""));
      if (!words.isEmpty()) {
        String q = words.get(i / 2 % words.size()) + " " + phrases.get(i).substring(0, 2);
        if (seen.add(q)) out.add("/search?q=" + enc(q) + "&region=" + enc("湖北省"));
      }
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static final class Result {
    final List<Long> latencies = new ArrayList<>();
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger timeouts = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();

    synchronized void add(long ms) {
      latencies.add(ms);
    }

    synchronized long[] latencies() {
      return latencies.stream().mapToLong(Long::longValue).toArray();
    }
  }

  /** {@code connections} clients, each sending requests back to back until the time is up. */
  private static void drive(
      HttpClient http,
      String base,
      List<String> paths,
      AtomicLong next,
      int connections,
      int seconds,
      Result r)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    double[] popularity = next == null ? zipf(paths.size()) : null;
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      running.add(
          clients.submit(
              () -> {
                while (System.nanoTime() < end) {
                  String path =
                      next == null
                          ? paths.get(draw(popularity))
                          : paths.get((int) (next.getAndIncrement() % paths.size()));
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<byte[]> resp =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(TIMEOUT)
                                .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (r == null) continue;
                    if (resp.statusCode() == 200) {
                      r.answered.incrementAndGet();
                      r.add(ms);
                    } else {
                      r.errors.incrementAndGet();
                    }
                  } catch (HttpTimeoutException e) {
                    if (r != null) r.timeouts.incrementAndGet();
                  } catch (IOException e) {
                    if (r != null) r.errors.incrementAndGet();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              }));
    }
    clients.shutdown();
    if (!clients.awaitTermination(seconds + 30L, TimeUnit.SECONDS)) clients.shutdownNow();
  }

  /**
   * How often each query is asked: the i-th most popular with weight 1/(i+1) (Zipf's law, as the
   * queries of a search service are), as cumulative shares. A mix asked in a cycle would make any
   * cache useless and a mix asked once each would make it all; people do neither.
   */
  static double[] zipf(int n) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) cumulative[i] = sum += 1.0 / (i + 1);
    for (int i = 0; i < n; i++) cumulative[i] /= sum;
    return cumulative;
  }

  private static int draw(double[] cumulative) {
    double u = java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    int i = Arrays.binarySearch(cumulative, u);
    return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** {@code serve} over {@code source} in a JVM of its own, with the server's heap. */
  private static Process start(List<String> source) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            SERVER_HEAP,
            "-cp",
            System.getProperty("java.class.path"),
            "org.gongkai.App",
            "serve",
            source.get(0),
            source.get(1),
            "--port",
            "0")
        .redirectErrorStream(true)
        .start();
  }

  /** The port the server says it listens on (it prints one line when it is ready). */
  private static int port(Process server) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder said = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      said.append(line).append('\n');
      Matcher m = RUNNING.matcher(line);
      if (m.find()) {
        // keep draining its output so the server never blocks on a full pipe
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // discarded: the server's log
                    }
                  } catch (IOException e) {
                    // the server stopped
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new IOException("serve did not start: " + said);
  }
}
