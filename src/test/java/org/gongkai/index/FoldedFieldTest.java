package org.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.gongkai.text.Analyzers;
import org.junit.jupiter.api.Test;

class FoldedFieldTest {

  /** Full-width digits, a compatibility form and traditional characters: what folding changes. */
  private static final String WRITTEN = "２０２５年經費㈠預算";

  @Test
  void theValueIsAsWrittenAndTheTermsAreTheFoldedTextsAsTheCharFiltersMakeThem() throws Exception {
    String folded = Analyzers.fold(WRITTEN);
    FoldedField field = new FoldedField(Schema.TEXT, WRITTEN, folded, Schema.TEXT_TYPE);
    assertEquals(WRITTEN, field.stringValue());
    // the analyser reading the text as written (its char filters fold it) gives the same terms
    assertEquals(
        terms(Schema.analyzer().tokenStream(Schema.TEXT, WRITTEN)),
        terms(field.tokenStream(Schema.analyzer(), null)));
  }

  @Test
  void aTypeThatWouldIndexOrKeepOffsetsIsRefused() {
    FieldType offsets = new FieldType(TextField.TYPE_NOT_STORED);
    offsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    offsets.freeze();
    IllegalArgumentException indexed =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FoldedField(Schema.WORDS, WRITTEN, Analyzers.fold(WRITTEN), offsets));
    assertEquals(
        Schema.WORDS + " indexes offsets: they would be the folded text's", indexed.getMessage());

    FieldType vectors = new FieldType(TextField.TYPE_NOT_STORED);
    vectors.setStoreTermVectors(true);
    vectors.setStoreTermVectorOffsets(true);
    vectors.freeze();
    IllegalArgumentException kept =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FoldedField(Schema.WORDS, WRITTEN, Analyzers.fold(WRITTEN), vectors));
    assertEquals(
        Schema.WORDS + " keeps offsets in its term vectors: they would be the folded text's",
        kept.getMessage());
  }

  private static List<String> terms(TokenStream ts) throws Exception {
    List<String> out = new ArrayList<>();
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }
}
