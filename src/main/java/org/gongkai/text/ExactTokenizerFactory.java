package org.gongkai.text;

import java.util.Map;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;

/**
 * {@link ExactTokenizer} as a named analysis component ({@code gongkaiExact}); {@code
 * everyUnigram="true"} gives the query side's and highlighter's analysis, the default the index's.
 */
public final class ExactTokenizerFactory extends TokenizerFactory {

  /** The name analysis configurations use. */
  public static final String NAME = "gongkaiExact";

  private final boolean everyUnigram;

  public ExactTokenizerFactory(Map<String, String> args) {
    super(args);
    everyUnigram = getBoolean(args, "everyUnigram", false);
    if (!args.isEmpty()) throw new IllegalArgumentException("unknown parameters: " + args);
  }

  /** Required by Lucene's service loading; never called by it. */
  public ExactTokenizerFactory() {
    throw defaultCtorException();
  }

  @Override
  public Tokenizer create(AttributeFactory factory) {
    return new ExactTokenizer(factory, everyUnigram);
  }
}
