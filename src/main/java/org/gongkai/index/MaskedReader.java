package org.gongkai.index;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * A reader in which the records of some documents (all of them: the document's, its sections', its
 * figures', its files') are deleted: every query, count and facet over it leaves them out. It
 * narrows a request to the reports it asks for (with notes, with a tag); what a request may not
 * read is never in its reader at all ({@link Searchers}), so no term statistic counts it.
 */
final class MaskedReader extends FilterDirectoryReader {

  private final Set<String> hidden;

  /** {@code in} with {@code docIds}' records deleted (document ids, resolved). */
  private MaskedReader(DirectoryReader in, Set<String> docIds) throws IOException {
    super(in, new Wrapper(docIds));
    this.hidden = docIds;
  }

  /**
   * {@code in} narrowed to the documents {@code only} names (by id): every other document's records
   * are deleted.
   */
  static MaskedReader keeping(DirectoryReader in, Set<String> only) throws IOException {
    Set<String> docIds = new java.util.HashSet<>();
    for (var leaf : in.leaves()) {
      Terms ids = leaf.reader().terms(Schema.DOC_ID);
      if (ids == null) continue;
      TermsEnum te = ids.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        String id = t.utf8ToString();
        if (!only.contains(id)) docIds.add(id);
      }
    }
    return new MaskedReader(in, docIds);
  }

  @Override
  protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
    return new MaskedReader(in, hidden);
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null; // its deletions are its own: nothing may be cached as the reader's
  }

  private static final class Wrapper extends SubReaderWrapper {
    private final Set<String> hidden;

    Wrapper(Set<String> hidden) {
      this.hidden = hidden;
    }

    @Override
    public LeafReader wrap(LeafReader reader) {
      try {
        FixedBitSet masked = recordsOfDocuments(reader, hidden);
        return masked == null ? reader : new MaskedLeaf(reader, masked);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** The records of the documents {@code docIds} in {@code reader}, or null when it has none. */
  private static FixedBitSet recordsOfDocuments(LeafReader reader, Set<String> docIds)
      throws IOException {
    FixedBitSet bits = null;
    for (String field : new String[] {Schema.DOC_ID, Schema.FILE_DOC_ID}) {
      Terms terms = reader.terms(field);
      if (terms == null) continue;
      TermsEnum te = terms.iterator();
      PostingsEnum postings = null;
      for (String id : docIds) {
        if (!te.seekExact(new BytesRef(id))) continue;
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int d = postings.nextDoc();
            d != DocIdSetIterator.NO_MORE_DOCS;
            d = postings.nextDoc()) {
          if (bits == null) bits = new FixedBitSet(reader.maxDoc());
          bits.set(d);
        }
      }
    }
    return bits;
  }

  /** A segment with some records deleted besides its own deletions. */
  private static final class MaskedLeaf extends FilterLeafReader {
    private final Bits live;
    private final int numDocs;

    MaskedLeaf(LeafReader in, FixedBitSet masked) {
      super(in);
      Bits base = in.getLiveDocs();
      int gone = 0;
      for (int d = masked.nextSetBit(0);
          d != DocIdSetIterator.NO_MORE_DOCS;
          d = d + 1 < masked.length() ? masked.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS)
        if (base == null || base.get(d)) gone++;
      this.numDocs = in.numDocs() - gone;
      int maxDoc = in.maxDoc();
      this.live =
          new Bits() {
            @Override
            public boolean get(int index) {
              return !masked.get(index) && (base == null || base.get(index));
            }

            @Override
            public int length() {
              return maxDoc;
            }
          };
    }

    @Override
    public Bits getLiveDocs() {
      return live;
    }

    @Override
    public int numDocs() {
      return numDocs;
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return in.getCoreCacheHelper(); // the same postings and doc values: cached by segment
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }
}
