package org.gongkai.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.IngestReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch's own loop, with an index that fails when told to (#67): a run that fails is said and
 * its files are indexed again at the next look, with what came since; a burst says its progress on
 * the console and beside the index as it is read.
 */
class WatcherTest {

  @TempDir Path tmp;

  /** Records each run's files; fails the runs it is told to. */
  static class Runs implements Watcher.Indexing {
    final List<List<String>> runs = new ArrayList<>();
    volatile int failNext;

    @Override
    public synchronized IngestReport run(List<Path> files, boolean prune, Indexer.Progress progress)
        throws IOException {
      if (failNext > 0) {
        failNext--;
        throw new IOException("the index is busy");
      }
      List<String> names = new ArrayList<>();
      for (Path f : files) names.add(f.getFileName().toString());
      java.util.Collections.sort(names);
      progress.start(files.size());
      for (Path f : files) progress.file(f);
      progress.done();
      // recorded once its progress is said: a test waiting for the run then reads all of it
      runs.add(names);
      return new IngestReport(
          files.size(),
          0,
          0,
          0,
          List.of(),
          0,
          files.size(),
          files.size(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          0,
          0,
          0);
    }

    synchronized List<List<String>> runs() {
      return List.copyOf(runs);
    }
  }

  @Test
  void aFailedRunIsSaidAndItsFilesIndexedAtTheNextLook() throws Exception {
    Path crawl = Files.createDirectories(tmp.resolve("crawl"));
    Path index = Files.createDirectories(tmp.resolve("index"));
    Runs runs = new Runs();
    StringWriter out = new StringWriter();
    Thread t =
        new Thread(
            () -> {
              try {
                new Watcher(List.of(crawl), 50, 0, runs, new PrintWriter(out), index).run();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    runs.failNext = 1;
    t.start();
    try {
      WatchCommandTest.until(() -> out.toString().contains("watching 1 folder"), "the watch");
      Files.writeString(crawl.resolve("a.txt"), "一");
      WatchCommandTest.until(() -> runs.runs().size() == 1, "the run after the failed one");
      assertEquals(List.of(List.of("a.txt")), runs.runs());
      assertTrue(
          out.toString()
              .contains(
                  ": the run of 1 new or changed, 0 gone failed (the index is busy): tried again"
                      + " at the next look\n"),
          out.toString());
      // the run's outcome is said after the run returns: wait for it, not for the run alone
      WatchCommandTest.until(
          () -> out.toString().contains(": 1 new or changed, 0 gone: 1 indexed, 0 unchanged"),
          "the run's outcome said");
      // a burst: its progress said, and its outcome written beside the index
      // (written beside, moved in at once: one look finds all 30)
      Path burst = Files.createDirectories(tmp.resolve("burst"));
      for (int i = 0; i < 30; i++) Files.writeString(burst.resolve("b" + i + ".txt"), "二" + i);
      Files.move(burst, crawl.resolve("burst"));
      WatchCommandTest.until(() -> runs.runs().size() == 2, "the burst");
      assertEquals(30, runs.runs().get(1).size());
      WatchCommandTest.until(
          () -> WatchStatus.read(index).map(s -> s.last().ready()).orElse(0) == 30, "the status");
      assertTrue(out.toString().contains(": indexing 30 files\n"), out.toString());
      // its last file said at once: what follows it may be long, and the page must not lag
      assertTrue(
          out.toString()
              .contains(": indexing: all 30 files read; relating reports and committing\n"),
          out.toString());
      WatchStatus s = WatchStatus.read(index).orElseThrow();
      assertEquals("watching", s.state());
      assertEquals(null, s.error());
      // a run that only prunes and fails is tried again too (nothing else need change first)
      runs.failNext = 1;
      Files.delete(crawl.resolve("a.txt"));
      WatchCommandTest.until(() -> runs.runs().size() == 3, "the prune tried again");
      assertEquals(List.of(), runs.runs().get(2));
    } finally {
      t.interrupt();
      t.join(10_000);
    }
    assertEquals("stopped", WatchStatus.read(index).orElseThrow().state());
  }

  /**
   * A file that comes while the run bringing the index up to date reads (after its walk) is indexed
   * by the watch's first run: the watch starts from a look taken before that run.
   */
  @Test
  void aFileThatCameDuringTheCatchUpIsIndexedByTheWatch() throws Exception {
    Path crawl = Files.createDirectories(tmp.resolve("crawl"));
    Files.writeString(crawl.resolve("a.txt"), "一");
    Runs runs =
        new Runs() {
          @Override
          public synchronized IngestReport run(
              List<Path> files, boolean prune, Indexer.Progress progress) throws IOException {
            IngestReport r = super.run(files, prune, progress);
            if (runs.size() == 1) Files.writeString(crawl.resolve("late.txt"), "迟");
            return r;
          }
        };
    StringWriter out = new StringWriter();
    Watcher watcher = new Watcher(List.of(crawl), 50, 0, runs, new PrintWriter(out), null);
    watcher.catchUp();
    assertEquals(List.of(List.of("crawl")), runs.runs());
    Thread t =
        new Thread(
            () -> {
              try {
                watcher.run();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    t.start();
    try {
      WatchCommandTest.until(() -> runs.runs().size() == 2, "the late file indexed");
      assertEquals(List.of("late.txt"), runs.runs().get(1));
    } finally {
      t.interrupt();
      t.join(10_000);
    }
  }

  @Test
  void stopLetsTheRunInProgressFinishUninterruptedThenEndsTheWatch() throws Exception {
    // a run writes the index: interrupted, its files' channels close and the index's lock with
    // them, so its commit fails (the benchmark's watch was lost so)
    Path crawl = Files.createDirectories(tmp.resolve("crawl"));
    java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
    List<Boolean> interrupted = new java.util.concurrent.CopyOnWriteArrayList<>();
    Runs runs =
        new Runs() {
          @Override
          public IngestReport run(List<Path> files, boolean prune, Indexer.Progress progress)
              throws IOException {
            running.countDown();
            boolean woken = false;
            try {
              finish.await();
            } catch (InterruptedException e) {
              woken = true;
            }
            interrupted.add(woken || Thread.currentThread().isInterrupted());
            return super.run(files, prune, progress);
          }
        };
    Watcher watcher =
        new Watcher(List.of(crawl), 50, 0, runs, new PrintWriter(new StringWriter()), null);
    watcher.snapshot(); // the folder as it is (empty): what comes after is new
    Thread t =
        new Thread(
            () -> {
              try {
                watcher.run();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    t.start();
    Files.writeString(crawl.resolve("a.txt"), "甲");
    assertTrue(running.await(10, java.util.concurrent.TimeUnit.SECONDS), "a run began");
    watcher.stop();
    Thread.sleep(200); // were the run interrupted, it would be now
    assertTrue(t.isAlive(), "the watch waits for its run");
    finish.countDown();
    t.join(10_000);
    assertTrue(!t.isAlive(), "the watch ended after its run");
    assertEquals(List.of(false), interrupted);
    assertEquals(List.of(List.of("a.txt")), runs.runs());

    // stopped between runs, it ends at once, woken where it sleeps, and says so beside the index
    // (the wake-up not left to fail that write)
    Path index = Files.createDirectories(tmp.resolve("idle-index"));
    Watcher idle =
        new Watcher(
            List.of(crawl), 60_000, 0, new Runs(), new PrintWriter(new StringWriter()), index);
    Thread u =
        new Thread(
            () -> {
              try {
                idle.run();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    u.start();
    Thread.sleep(200);
    idle.stop();
    u.join(10_000);
    assertTrue(!u.isAlive(), "an idle watch ends when stopped, not after its minute's wait");
    assertEquals("stopped", WatchStatus.read(index).orElseThrow().state());
  }
}
