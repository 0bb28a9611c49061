package org.gongkai.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.gongkai.regions.Gazetteer;
import org.gongkai.text.Analyzers;
import org.gongkai.text.HanLpSegmenter;
import org.gongkai.text.TextCleaner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the text stages on the bundled reports (all five, 164 KB of text per operation):
 * the cleaner, the exact analysis and the word (HanLP) analysis. Characters per second = operations
 * per second × {@link #chars}. Run with the command in the README's Performance section.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TextBenchmarks {

  String raw;
  String clean;
  int chars;
  TextCleaner cleaner;
  Analyzer exact;
  Analyzer word;

  @Setup
  public void setup() throws IOException {
    HanLpSegmenter.install(Gazetteer.load().names());
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(Path.of("corpus/seeds"))) {
      for (Path f : files.sorted().toList()) sb.append(Files.readString(f)).append('\n');
    }
    raw = sb.toString();
    cleaner = new TextCleaner();
    clean = cleaner.clean(raw);
    chars = clean.length();
    exact = Analyzers.exact();
    word = Analyzers.word();
  }

  @Benchmark
  public String cleaner() {
    return cleaner.clean(raw);
  }

  @Benchmark
  public int exactAnalysis() throws IOException {
    return tokens(exact);
  }

  @Benchmark
  public int wordAnalysis() throws IOException {
    return tokens(word);
  }

  private int tokens(Analyzer a) throws IOException {
    int n = 0;
    try (TokenStream ts = a.tokenStream("text", clean)) {
      ts.reset();
      while (ts.incrementToken()) n++;
      ts.end();
    }
    return n;
  }
}
