package org.gongkai.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * {@link HanLpTokenizer} as a named analysis component ({@code gongkaiWords}): HanLP words with the
 * bundled fiscal dictionary, plus the words of the files named by {@code words} (comma-separated,
 * one word a line, {@code #} comments; in Solr, files of the configset — the division names).
 *
 * <p>HanLP's dictionary is one per process: the first analysis to install it decides its words.
 */
public final class WordTokenizerFactory extends TokenizerFactory implements ResourceLoaderAware {

  /** The name analysis configurations use. */
  public static final String NAME = "gongkaiWords";

  private final List<String> wordFiles;

  public WordTokenizerFactory(Map<String, String> args) {
    super(args);
    Set<String> files = getSet(args, "words");
    wordFiles = files == null ? List.of() : List.copyOf(files);
    if (!args.isEmpty()) throw new IllegalArgumentException("unknown parameters: " + args);
  }

  /** Required by Lucene's service loading; never called by it. */
  public WordTokenizerFactory() {
    throw defaultCtorException();
  }

  @Override
  public void inform(ResourceLoader loader) throws IOException {
    List<String> words = new ArrayList<>();
    for (String file : wordFiles) {
      try (var in =
          new BufferedReader(
              new InputStreamReader(loader.openResource(file), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          String w = line.strip();
          if (!w.isEmpty() && !w.startsWith("#")) words.add(w);
        }
      }
    }
    HanLpSegmenter.install(words);
  }

  @Override
  public Tokenizer create(AttributeFactory factory) {
    return new HanLpTokenizer(factory, HanLpSegmenter.create());
  }
}
