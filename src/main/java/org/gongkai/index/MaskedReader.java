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
 * figures', its files') are deleted: every query, count and facet over it leaves them out, as if
 * they had never been indexed. Their terms stay in the dictionary (a term's statistics may still
 * count them), which no page shows.
 */
final class MaskedReader extends FilterDirectoryReader {

  private final Set<String> hidden;

  /** {@code in} with {@code docIds}' records deleted (document ids, resolved). */
  private MaskedReader(DirectoryReader in, Set<String> docIds) throws IOException {
    super(in, new Wrapper(docIds));
    this.hidden = docIds;
  }

  /**
   * {@code in} with what {@code hidden} names deleted: document ids (16 hex digits), and files'
   * SHA-256 (64), each hiding the document it stands for and any document it was merged into as
   * another format — a private file joined to a public report hides the report too (what is private
   * is never shown, at the cost of a public report). Resolved over every segment first: a file's
   * record and its document's may lie in different segments.
   */
  static MaskedReader of(DirectoryReader in, Set<String> hidden) throws IOException {
    return of(in, hidden, null);
  }

  /**
   * The same, narrowed to the documents {@code only} names besides (null: not narrowed): every
   * other document is deleted too.
   */
  static MaskedReader of(DirectoryReader in, Set<String> hidden, Set<String> only)
      throws IOException {
    Set<String> docIds = new java.util.HashSet<>();
    if (only != null) {
      for (var leaf : in.leaves()) {
        Terms ids = leaf.reader().terms(Schema.DOC_ID);
        if (ids == null) continue;
        TermsEnum te = ids.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          String id = t.utf8ToString();
          if (!only.contains(id)) docIds.add(id);
        }
      }
    }
    for (String id : hidden) {
      if (id.length() != 64) {
        docIds.add(id);
        continue;
      }
      docIds.add(id.substring(0, 16));
      for (var leaf : in.leaves()) {
        LeafReader reader = leaf.reader();
        Terms shas = reader.terms(Schema.FILE_SHA256);
        if (shas == null) continue;
        TermsEnum te = shas.iterator();
        if (!te.seekExact(new BytesRef(id))) continue;
        PostingsEnum p = te.postings(null, PostingsEnum.NONE);
        var stored = reader.storedFields();
        var live = reader.getLiveDocs();
        for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
          if (live != null && !live.get(d)) continue;
          String holder = stored.document(d, Set.of(Schema.FILE_DOC_ID)).get(Schema.FILE_DOC_ID);
          if (holder != null) docIds.add(holder);
        }
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
