package org.gongkai.text;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/**
 * Our folding as a named analysis component ({@code gongkaiFold}): NFKC, then traditional
 * characters to simplified, offsets corrected. With {@link ExactTokenizerFactory} or {@link
 * WordTokenizerFactory} and {@code lowercase} it builds, by name, the analyzers of {@link
 * Analyzers} — as a Solr schema does.
 */
public final class FoldCharFilterFactory extends CharFilterFactory {

  /** The name analysis configurations use. */
  public static final String NAME = "gongkaiFold";

  public FoldCharFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) throw new IllegalArgumentException("unknown parameters: " + args);
  }

  /** Required by Lucene's service loading; never called by it. */
  public FoldCharFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public Reader create(Reader input) {
    return Analyzers.nfkc(input);
  }

  /** Query terms are folded as the text was (a wildcard or prefix typed in traditional form). */
  @Override
  public Reader normalize(Reader input) {
    return create(input);
  }
}
