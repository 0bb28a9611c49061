package org.gongkai.solr;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gongkai's command line and portal run from the real jar, each in a JVM of its own as an operator
 * runs them (the jar runs on Jetty 12, Solr on Jetty 10), and the pages two portals must answer
 * alike.
 */
final class Processes {

  private Processes() {}

  /** The portal's runnable jar, built by the main project before this one runs. */
  static final Path JAR = Path.of("../target/gongkai.jar");

  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  record Run(int exit, String out, String err) {}

  /**
   * Runs {@code command} to its end (at most {@code minutes}), its output kept under {@code work}.
   */
  static Run run(Path work, Map<String, String> env, int minutes, List<String> command)
      throws Exception {
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder b =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    b.environment().putAll(env);
    Process p = b.start();
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("did not end in " + minutes + " min: " + command);
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** {@code java -jar gongkai.jar ARGS…} to its end. */
  static Run gongkai(Path work, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return run(work, Map.of(), 5, command);
  }

  /** A command started, and the file its output and errors go to. */
  record Started(Process process, Path output) {}

  /** {@code java -jar gongkai.jar ARGS…} started, not waited for. */
  static Started start(Path work, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "run", ".txt");
    return new Started(
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(out.toFile())
            .start(),
        out);
  }

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A portal in a JVM of its own; stopped when closed. */
  static final class Server implements AutoCloseable {
    final Process process;
    final String url;

    Server(Path work, String... args) throws Exception {
      List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
      command.addAll(List.of(args));
      Path out = Files.createTempFile(work, "serve", ".txt");
      process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String found = null;
      Pattern running = Pattern.compile("running at (http://\\S+/)");
      for (int i = 0; i < 600 && found == null && process.isAlive(); i++) {
        Matcher m = running.matcher(Files.readString(out));
        if (m.find()) found = m.group(1);
        else Thread.sleep(100);
      }
      if (found == null) {
        process.destroy();
        throw new AssertionError(
            "did not start: " + String.join(" ", args) + "\n" + Files.readString(out));
      }
      url = found;
    }

    HttpResponse<String> get(String path) throws Exception {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * 40 pages and API answers a journalist's session touches: searches (phrases, words, {@code -},
   * typed filters, numeric conditions, selections; grouped, by year, paged, as CSV, in English),
   * batches, the home page, lists of reports, a feed, figure tables, an issuer, and one section's
   * and one report's pages and tables.
   */
  static List<String> sessionPaths(String section, String docId) {
    List<String> paths = new ArrayList<>();
    for (String q : List.of("\"三公经费\"", "公务接待费 -疗休养", "year:2023 工会", "region:湖北省 经费", ""))
      for (String extra : List.of("", "&group=doc", "&order=year&page=2", "&format=csv"))
        paths.add("api/search?q=" + encode(q) + extra);
    paths.add("search?q=" + encode("\"机关运行经费\""));
    paths.add("search?q=" + encode("公务接待费>0.1") + "&lang=en");
    paths.add("batch?queries=" + encode("\"三公经费\"\n公务接待费\n工会 经费") + "&by=region");
    paths.add("batch?queries=" + encode("经费\nkind:部门决算") + "&by=year&region=" + encode("湖北省"));
    paths.add("search?q=" + encode("经费") + "&group=doc&region=" + encode("湖北省"));
    paths.add("");
    paths.add("documents?region=" + encode("湖北省"));
    paths.add("api/documents?year=2023");
    paths.add("api/documents?q=" + encode("经费") + "&order=indexed");
    paths.add("documents?q=" + encode("\"三公经费\"") + "&region=" + encode("湖北省"));
    paths.add("feed?q=" + encode("公务接待费"));
    paths.add("indicators?name=expenditure_total");
    paths.add("api/indicators?name=reception&region=" + encode("湖北省") + "&format=csv");
    paths.add("api/indicators?name=income_total&compare=budget");
    paths.add("issuer?name=" + encode("武汉市汉阳区总工会"));
    paths.add("s/" + section + "?q=" + encode("经费"));
    paths.add("api/sections/" + section);
    paths.add("d/" + docId + "?q=" + encode("三公"));
    paths.add("api/documents/" + docId);
    paths.add("api/documents/" + docId + "/tables");
    return paths;
  }

  /**
   * The 40 session paths over a run's index: its first report, and that report's fourth section.
   */
  static List<String> sessionPaths(Path journal) throws Exception {
    try (org.gongkai.index.IndexStore store =
        org.gongkai.index.IndexStore.openForReading(journal)) {
      String docId = store.documentIds().iterator().next();
      List<String> paths = sessionPaths(store.sections(docId).get(3).id(), docId);
      if (paths.size() != 40) throw new AssertionError("40 paths, not " + paths.size());
      return paths;
    }
  }

  /** Where two portals answer {@code paths} differently (nothing when they answer alike). */
  static List<String> differences(Server a, Server b, List<String> paths) throws Exception {
    List<String> differences = new ArrayList<>();
    for (String path : paths) {
      var x = a.get(path);
      var y = b.get(path);
      // an export's links are absolute: each server's own address
      String bx = x.body().replaceAll(OWN_ADDRESS, "/");
      String by = y.body().replaceAll(OWN_ADDRESS, "/");
      if (x.statusCode() != 200) differences.add(path + ": embedded " + x.statusCode());
      if (x.statusCode() != y.statusCode() || !timeless(bx).equals(timeless(by)))
        differences.add(
            path + ": " + x.statusCode() + " ≠ " + y.statusCode() + "\n" + firstDifference(bx, by));
    }
    return differences;
  }

  /** Times a page took, which two servers never share. */
  static String timeless(String body) {
    return body.replaceAll("\"tookMs\" ?: ?\\d+", "\"tookMs\":0")
        .replaceAll("用时 [0-9.]+ 秒", "用时 0 秒")
        .replaceAll("in [0-9.]+ s", "in 0 s")
        .replaceAll("class=\"took\">[0-9.]+ s<", "class=\"took\">0 s<");
  }

  static String firstDifference(String a, String b) {
    String x = timeless(a);
    String y = timeless(b);
    int i = 0;
    while (i < Math.min(x.length(), y.length()) && x.charAt(i) == y.charAt(i)) i++;
    int from = Math.max(0, i - 80);
    return "  "
        + x.substring(from, Math.min(x.length(), i + 120)).replace("\n", " ")
        + "\n  "
        + y.substring(from, Math.min(y.length(), i + 120)).replace("\n", " ");
  }

  static final String OWN_ADDRESS = "http://(127\\.0\\.0\\.1|localhost):\\d+/";

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
