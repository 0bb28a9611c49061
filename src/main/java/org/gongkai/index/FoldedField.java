package org.gongkai.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexableFieldType;
import org.gongkai.text.Folded;

/**
 * A text field whose value (stored, and seen by whoever reads the record) is the text as written,
 * and which the index analyses from the text folded once ({@link org.gongkai.text.Analyzers#fold}):
 * a section's exact and word fields share one fold instead of each reading the text through the
 * analyses' char filters. The terms and positions are the same either way; offsets are the folded
 * text's, and these fields index none (a type that would index or keep them is refused).
 */
final class FoldedField extends Field {

  private final String folded;

  FoldedField(String name, String text, String folded, IndexableFieldType type) {
    super(name, text, type);
    if (type.indexOptions()
            .compareTo(
                org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
        >= 0)
      throw new IllegalArgumentException(
          name + " indexes offsets: they would be the folded text's");
    if (type.storeTermVectorOffsets())
      throw new IllegalArgumentException(
          name + " keeps offsets in its term vectors: they would be the folded text's");
    this.folded = folded;
  }

  @Override
  public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
    return analyzer.tokenStream(name(), new Folded(folded));
  }
}
