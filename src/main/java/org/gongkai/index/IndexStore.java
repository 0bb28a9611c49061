package org.gongkai.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedFile;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Region;

/**
 * Owns one index directory: its {@link IndexWriter} (when opened for writing) and the {@link
 * SearcherManager} every read goes through. Close it once; it closes everything it opened.
 */
public final class IndexStore implements Records, AutoCloseable {

  /**
   * The writer's indexing buffer, at most: a small heap gets an eighth of itself, so indexing never
   * exhausts it.
   */
  static final double RAM_BUFFER_MB = 128;

  static double ramBufferMb() {
    return Math.max(
        16, Math.min(RAM_BUFFER_MB, Runtime.getRuntime().maxMemory() / 8.0 / (1 << 20)));
  }

  private final Directory directory;
  private final IndexWriter writer; // null when read-only
  private final SearcherManager searchers;

  /**
   * The folder of a read-only index on disk (null: written here, or not a folder), and its
   * modification time when a refresh last found the index current: {@link #refresh} asks Lucene
   * (which lists the folder and reads its newest commit point) only when the folder has changed
   * since — a commit writes and renames files in it — or changed in the last two seconds.
   */
  private final java.nio.file.Path folder;

  private volatile long lookedAt = Long.MIN_VALUE;

  /** The folder's time as last seen, and since when (System.nanoTime) it has been so. */
  private volatile long seenStamp = Long.MIN_VALUE, seenSince;

  /** {@link #searchers} as the current request may see them. */
  private final Searchers visible;

  private final FacetsConfig facets = Schema.facetsConfig();
  private final DocumentMapper mapper;

  /** Whose documents this index holds: the public's, or one private collection's. */
  private final org.gongkai.model.Domain domain;

  /**
   * Threads that search slices of the index's segments at once, one per core, so a single search
   * uses every core (Lucene's concurrent search; the calling thread searches slices too, so a
   * search never waits for a free thread). Daemons; shut down with the store.
   */
  private final java.util.concurrent.ExecutorService threads =
      java.util.concurrent.Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "search-slice");
            t.setDaemon(true);
            return t;
          });

  private static final org.apache.lucene.search.TaskExecutor SEQUENTIAL =
      new org.apache.lucene.search.TaskExecutor(Runnable::run);

  /**
   * Lucene's cache of filters' matches per segment, shared by every searcher of the process (its
   * entries are keyed by segment, so a reopened searcher keeps those of unchanged segments): up to
   * 64 MB or an eighth of the heap. Unlike Lucene's default it caches a filter whatever its size
   * beside the search's other clauses (Lucene skips one ten times as costly as the rest), since the
   * filters it is given first, a lone letter's ({@link LettersFirst}), are costly to compute and
   * are the same for every search until the index changes.
   */
  static final org.apache.lucene.search.LRUQueryCache QUERY_CACHE =
      new org.apache.lucene.search.LRUQueryCache(
          1000,
          Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8),
          leaf -> leaf.reader().maxDoc() >= 10_000, // as Lucene's: small segments cost little
          Float.POSITIVE_INFINITY);

  /**
   * Lucene's caching policy (a filter is cached once it is used often enough), except that a prefix
   * query is cached the first time. A prefix query is how a lone letter is searched in an exact
   * field (every bigram it begins, {@code search.ExactQueries}): a common letter begins thousands
   * of terms, whose matches were merged into a bit set on every search (a third of the CPU of
   * searches of two words with a region, on 1 M sections). There are only a few thousand letters,
   * and a letter's set changes only with the index.
   */
  private static final LettersFirst CACHING = new LettersFirst();

  static final class LettersFirst implements org.apache.lucene.search.QueryCachingPolicy {
    private final org.apache.lucene.search.UsageTrackingQueryCachingPolicy usage =
        new org.apache.lucene.search.UsageTrackingQueryCachingPolicy();

    @Override
    public void onUse(Query query) {
      usage.onUse(query);
    }

    @Override
    public boolean shouldCache(Query query) throws IOException {
      return query instanceof org.apache.lucene.search.PrefixQuery || usage.shouldCache(query);
    }
  }

  /** Segments are merged up to this size (Lucene's default is 5 GB). */
  static final double MAX_SEGMENT_MB = 512;

  /**
   * Lucene's tiered merges, up to {@link #MAX_SEGMENT_MB}: a search runs its segments on all cores
   * at once, one segment to a core, so one segment holding most of the index keeps a search on one
   * core (on 1 M sections one segment held 62% of the records). Smaller merges also rewrite each
   * record fewer times while indexing.
   */
  private static org.apache.lucene.index.MergePolicy mergePolicy() {
    // forceMergeDeletes rewrites every segment with a deleted record (Lucene's default leaves those
    // under a tenth deleted): a report given to a private collection is then counted by no term
    // statistic of the public index
    return new org.apache.lucene.index.TieredMergePolicy()
        .setMaxMergedSegmentMB(MAX_SEGMENT_MB)
        .setForceMergeDeletesPctAllowed(0.0);
  }

  private IndexStore(Directory directory, IndexWriter writer, org.gongkai.model.Domain domain)
      throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.domain = domain;
    this.folder =
        writer == null
                && org.apache.lucene.store.FilterDirectory.unwrap(directory)
                    instanceof org.apache.lucene.store.FSDirectory fs
            ? fs.getDirectory()
            : null;
    this.mapper = new DocumentMapper(facets, domain.key());
    var sliced =
        new org.apache.lucene.search.SearcherFactory() {
          @Override
          public IndexSearcher newSearcher(
              org.apache.lucene.index.IndexReader reader,
              org.apache.lucene.index.IndexReader previous) {
            return searcher(reader, threads);
          }
        };
    try {
      this.searchers =
          writer == null
              ? new SearcherManager(directory, sliced)
              : new SearcherManager(writer, sliced);
    } catch (IOException | RuntimeException e) {
      threads.shutdownNow();
      throw e;
    }
    this.visible = new Searchers(searchers, threads);
  }

  /**
   * The searcher of {@code reader}: its slices searched on {@code threads} as well as on the
   * calling thread, its filters cached in {@link #QUERY_CACHE} by {@link LettersFirst}.
   */
  static IndexSearcher searcher(
      org.apache.lucene.index.IndexReader reader, java.util.concurrent.ExecutorService threads) {
    IndexSearcher searcher =
        new IndexSearcher(reader, threads) {
          /**
           * Sequential for the work Lucene hands out beside the search of slices: looking a query's
           * terms up in each segment, one task a term and segment, cost more to hand to threads
           * than to do (creating a phrase's weight on 1 M sections: 0.30 → 0.18 ms).
           */
          @Override
          public org.apache.lucene.search.TaskExecutor getTaskExecutor() {
            return SEQUENTIAL;
          }
        };
    searcher.setQueryCache(QUERY_CACHE);
    searcher.setQueryCachingPolicy(CACHING);
    return searcher;
  }

  /** The threads searches use beside their own (for work split by segment, as facet counts). */
  public java.util.concurrent.ExecutorService searchThreads() {
    return threads;
  }

  /**
   * Opens (creating it if needed) the index in {@code dir} for writing; reads see every change at
   * once.
   */
  public static IndexStore openForWriting(Path dir) throws IOException {
    return openForWriting(dir, org.gongkai.model.Domain.PUBLIC);
  }

  /**
   * Opens (creating it if needed) the index of {@code domain}'s documents in {@code dir}; an index
   * that holds another domain's is refused (a private collection's never takes public documents,
   * nor the reverse).
   */
  public static IndexStore openForWriting(Path dir, org.gongkai.model.Domain domain)
      throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IndexUnavailableException(dir + " is a file, not an index folder", null);
    }
    Files.createDirectories(dir);
    Directory d = FSDirectory.open(dir);
    try {
      // a larger buffer than Lucene's 16 MB: every section is indexed twice (and the exact field
      // with offsets), so the
      // default flushes small segments often and the merges compete with ingest for the cores
      IndexWriterConfig cfg =
          new IndexWriterConfig(Schema.analyzer())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setRAMBufferSizeMB(ramBufferMb())
              .setMergePolicy(mergePolicy());
      IndexWriter w = new IndexWriter(d, cfg);
      try {
        org.gongkai.model.Domain held = domainOf(w.getLiveCommitData());
        if (!held.equals(domain) && DirectoryReader.indexExists(d))
          throw new IndexUnavailableException(
              dir.toAbsolutePath().normalize()
                  + " holds the documents of "
                  + held
                  + ", not of "
                  + domain,
              null);
        // a new index's first commit says whose documents it holds (an existing one's does)
        if (!DirectoryReader.indexExists(d))
          w.setLiveCommitData(commitData(domain, java.util.Set.of()).entrySet());
        return new IndexStore(d, w, domain);
      } catch (IOException | RuntimeException e) {
        w.rollback();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      d.close();
      throw unavailable(dir, e);
    }
  }

  /** An opening failure worded for people when it is one they can act on; otherwise as it was. */
  private static IOException unavailable(Path dir, Exception e) {
    if (e instanceof org.apache.lucene.store.LockObtainFailedException) {
      return new IndexUnavailableException(
          "index busy: another process is writing to "
              + dir.toAbsolutePath().normalize()
              + " (wait for it to finish)",
          e);
    }
    if (e instanceof org.apache.lucene.index.CorruptIndexException
        || e instanceof org.apache.lucene.index.IndexFormatTooOldException
        || e instanceof org.apache.lucene.index.IndexFormatTooNewException
        || e instanceof java.io.EOFException
        || e instanceof java.nio.file.NoSuchFileException) {
      return new IndexUnavailableException(
          "index damaged: "
              + dir.toAbsolutePath().normalize()
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "); delete the folder and index again",
          e);
    }
    if (e instanceof IOException io) return io;
    throw (RuntimeException) e;
  }

  /**
   * Opens an existing index read-only; {@link #refresh()} picks up what another process committed.
   */
  public static IndexStore openForReading(Path dir) throws IOException {
    if (!exists(dir))
      throw new IOException(
          "no index at " + dir.toAbsolutePath() + " (build one with the index command)");
    if (!Files.isDirectory(dir))
      throw new IndexUnavailableException(dir + " is a file, not an index folder", null);
    Directory d = FSDirectory.open(dir);
    try {
      var commits = DirectoryReader.listCommits(d);
      org.gongkai.model.Domain domain =
          domainOf(commits.get(commits.size() - 1).getUserData().entrySet());
      return new IndexStore(d, null, domain);
    } catch (IOException | RuntimeException e) {
      d.close();
      throw unavailable(dir, e);
    }
  }

  /**
   * Verifies every file's checksum in the index as last committed (reads all of it); the number of
   * segments when sound, an {@link IndexUnavailableException} naming the damage otherwise.
   */
  public int checkIntegrity() throws IOException {
    org.apache.lucene.search.IndexSearcher s = searchers.acquire();
    try {
      for (org.apache.lucene.index.LeafReaderContext leaf : s.getIndexReader().leaves()) {
        try {
          leaf.reader().checkIntegrity();
        } catch (IOException | RuntimeException e) {
          String segment =
              leaf.reader() instanceof org.apache.lucene.index.SegmentReader r
                  ? r.getSegmentName()
                  : "segment " + leaf.ord;
          throw new IndexUnavailableException(
              "index damaged: "
                  + segment
                  + " fails its checksum ("
                  + e.getClass().getSimpleName()
                  + "); delete the folder and index again",
              e);
        }
      }
      return s.getIndexReader().leaves().size();
    } finally {
      searchers.release(s);
    }
  }

  /** Whether {@code dir} holds a committed index. */
  public static boolean exists(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return false;
    try (Directory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d);
    }
  }

  /** The private collections' indexes beside this one, closed with it (null: none). */
  private volatile CollectionIndexes collections;

  /**
   * From now on, a request that may read a private collection ({@link
   * org.gongkai.model.Visibility}) searches its index beside this one; closed with this store.
   */
  public void overlay(CollectionIndexes collections) {
    this.collections = collections;
    visible.overlay(collections);
  }

  @Override
  public List<Map.Entry<IndexedFile, Optional<IndexedDocument>>> collectionFiles(String key)
      throws IOException {
    CollectionIndexes c = collections;
    if (c == null) return List.of();
    Optional<IndexStore> own = c.store(key);
    if (own.isEmpty()) return List.of();
    own.get().refresh();
    Map<String, IndexedDocument> docs = new java.util.HashMap<>();
    for (IndexedDocument d : own.get().documents()) docs.put(d.docId(), d);
    List<Map.Entry<IndexedFile, Optional<IndexedDocument>>> out = new ArrayList<>();
    for (IndexedFile f : new java.util.TreeMap<>(own.get().files()).values())
      out.add(Map.entry(f, Optional.ofNullable(docs.get(f.docId()))));
    return out;
  }

  /**
   * The searchers a request may search: this index, joined with the private collections its {@link
   * org.gongkai.model.Visibility} may read, narrowed to what it asks for.
   */
  public Searchers searchers() {
    return visible;
  }

  public FacetsConfig facetsConfig() {
    return facets;
  }

  /** Makes changes committed by other processes (or written here) visible to new searches. */
  @Override
  public void refresh() throws IOException {
    if (folder == null) searchers.maybeRefresh();
    else {
      // a portal asks on every request: a look at the folder's time instead of a listing and a
      // read of its commit point, when nothing was committed since (#69). The time is taken
      // before Lucene looks, so a commit landing meanwhile changes it again for the next request.
      long stamp;
      try {
        stamp = java.nio.file.Files.getLastModifiedTime(folder).toMillis();
      } catch (IOException gone) {
        stamp = Long.MIN_VALUE;
      }
      // trusted once the folder's time is old by the wall clock and has stayed the same for a
      // while by this process's own clock (a file server's clock may be behind ours)
      long now = System.nanoTime();
      if (stamp != seenStamp) {
        seenStamp = stamp;
        seenSince = now;
      }
      boolean quiet =
          System.currentTimeMillis() - stamp > QUIET_MILLIS
              && now - seenSince > QUIET_MILLIS * 1_000_000;
      if (stamp == Long.MIN_VALUE || stamp != lookedAt || !quiet) {
        if (searchers.maybeRefresh() && quiet) lookedAt = stamp;
      }
    }
    // and the private collections the current request may read, whose indexes uploads write
    visible.refreshOverlay();
  }

  /**
   * How long ago a folder must have last changed for its time to be trusted as "nothing new" (a
   * file system may keep times to the second or coarser).
   */
  static final long QUIET_MILLIS = 2000;

  // ---- writing

  /**
   * Adds or replaces a document: its record, its sections and its indicator statements, atomically.
   */
  public void putDocument(org.gongkai.model.IngestedDocument ingested, Instant indexedAt)
      throws IOException {
    DisclosureDocument d = ingested.document();
    List<Document> records =
        mapper.toLucene(
            d,
            indexedAt,
            ingested.figures(),
            ingested.flags(),
            ingested.completeness(),
            ingested.projects(),
            ingested.units(),
            ingested.purchases());
    IndexWriter w = requireWriter();
    if (replica != null) replica.put(d.docId(), records);
    w.updateDocuments(
        new Term(Schema.DOC_ID, d.docId()), records.stream().map(IndexStore::ranked).toList());
  }

  /**
   * {@code record} with each field that ranks sections ({@link Schema#SECTION_ONLY_FIELDS}) it
   * lacks, empty: a field without a term matches nothing and changes none of the statistics BM25
   * reads, but with every record carrying the field Lucene stores its norms densely, a hit's norm
   * read by its number (looking it up in the sparse form had been a tenth of a phrase search on 1 M
   * sections). Not sent to a replica, which keeps the records as they are.
   */
  private static Document ranked(Document record) {
    Document out = null;
    for (String field : Schema.SECTION_ONLY_FIELDS) {
      if (record.getField(field) != null) continue;
      if (out == null) {
        out = new Document();
        for (var f : record) out.add(f);
      }
      out.add(new org.apache.lucene.document.TextField(field, "", Field.Store.NO));
    }
    return out == null ? record : out;
  }

  public void deleteDocument(String docId) throws IOException {
    IndexWriter w = requireWriter();
    if (replica != null) replica.delete(docId);
    w.deleteDocuments(new Term(Schema.DOC_ID, docId));
  }

  /**
   * Another index that receives every report this one adds, replaces or removes (a SolrCloud
   * collection: {@code index --solr}); this index stays the record of which files were read.
   */
  public interface Replica {
    /** Replaces every record of the report {@code docId} with {@code records}. */
    void put(String docId, List<Document> records) throws IOException;

    /** Removes every record of the report. */
    void delete(String docId) throws IOException;

    /** Adds or replaces the record of the file at {@code path} (which report it was read as). */
    void putFile(String path, Document record) throws IOException;

    /** Removes the record of the file at {@code path}. */
    void deleteFile(String path) throws IOException;

    /** Makes the changes durable and visible. */
    void commit() throws IOException;

    /**
     * Makes the changes durable and visible with the deleted records' place given back, so no
     * statistic counts them any more.
     */
    default void expungeDeletes() throws IOException {
      commit();
    }
  }

  private volatile Replica replica;

  /**
   * From now on, every report written here is written to {@code r} too, and each commit commits
   * {@code r} first: a report this index holds as read is never missing from the replica.
   */
  public void replicateTo(Replica r) {
    requireWriter();
    this.replica = r;
  }

  public void putFile(IndexedFile f) throws IOException {
    IndexWriter w = requireWriter();
    Document rec = mapper.toLucene(f);
    if (replica != null) replica.putFile(f.path(), rec);
    w.updateDocument(new Term(Schema.FILE_PATH, f.path()), ranked(rec));
  }

  public void deleteFile(String path) throws IOException {
    IndexWriter w = requireWriter();
    if (replica != null) replica.deleteFile(path);
    w.deleteDocuments(new Term(Schema.FILE_PATH, path));
  }

  /**
   * Waits for the merges in flight, commits, and lets go of the files they replaced: the index as
   * it will stay on disk (the benchmark measures its size after this).
   */
  public void settle() throws IOException {
    IndexWriter w = requireWriter();
    if (replica != null) replica.commit();
    if (w.getConfig().getMergeScheduler()
        instanceof org.apache.lucene.index.ConcurrentMergeScheduler merges) merges.sync();
    w.commit();
    w.deleteUnusedFiles();
    searchers.maybeRefreshBlocking();
  }

  /** The commit's record of the reports not yet compared with their other formats. */
  private static final String UNMERGED = "gongkai.unmerged";

  /** The commit's record of whose documents the index holds (a private collection's key). */
  private static final String DOMAIN = "gongkai.domain";

  /** Whose documents this index holds. */
  public org.gongkai.model.Domain domain() {
    return domain;
  }

  private static Map<String, String> commitData(
      org.gongkai.model.Domain domain, java.util.Collection<String> unmerged) {
    Map<String, String> data = new java.util.TreeMap<>();
    data.put(UNMERGED, String.join(",", new java.util.TreeSet<>(unmerged)));
    if (!domain.isPublic()) data.put(DOMAIN, domain.key());
    return data;
  }

  private static org.gongkai.model.Domain domainOf(Iterable<Map.Entry<String, String>> data) {
    if (data != null)
      for (Map.Entry<String, String> e : data)
        if (e.getKey().equals(DOMAIN)) return org.gongkai.model.Domain.of(e.getValue());
    return org.gongkai.model.Domain.PUBLIC;
  }

  /**
   * Records, with the next commit, the reports written whose other formats were not yet looked for
   * (a run looks for them once all its files are read): a run killed before that leaves them in the
   * index, and the next run finds them here and merges them, though their files are unchanged.
   */
  public void markUnmerged(java.util.Collection<String> docIds) {
    requireWriter().setLiveCommitData(commitData(domain, docIds).entrySet());
  }

  /** The reports the last commit says were written and not yet compared with other formats. */
  public java.util.Set<String> unmerged() {
    Iterable<Map.Entry<String, String>> data = requireWriter().getLiveCommitData();
    if (data == null) return java.util.Set.of();
    for (Map.Entry<String, String> e : data) {
      if (e.getKey().equals(UNMERGED) && !e.getValue().isEmpty())
        return java.util.Set.of(e.getValue().split(","));
    }
    return java.util.Set.of();
  }

  /**
   * Rewrites the segments that hold deleted records without them, and commits: a report taken out
   * (given to a private collection) is then counted by no term statistic, as if this index had
   * never held it. A replica does the same.
   */
  public void expungeDeletes() throws IOException {
    IndexWriter w = requireWriter();
    if (replica != null) replica.expungeDeletes();
    w.forceMergeDeletes(true);
    w.commit();
    searchers.maybeRefreshBlocking();
  }

  /** Makes everything written so far durable and visible to searches. */
  public void commit() throws IOException {
    IndexWriter w = requireWriter();
    if (replica != null) replica.commit();
    w.commit();
    searchers.maybeRefreshBlocking();
  }

  private IndexWriter requireWriter() {
    if (writer == null) throw new IllegalStateException("index opened read-only");
    return writer;
  }

  // ---- reading

  /** Every file the index has seen, by path. */
  @Override
  public Map<String, IndexedFile> files() throws IOException {
    Map<String, IndexedFile> out = new LinkedHashMap<>();
    for (Document doc : all(type(Schema.TYPE_FILE), null)) {
      IndexedFile f = DocumentMapper.file(doc);
      out.put(f.path(), f);
    }
    return out;
  }

  @Override
  public Optional<IndexedSection> section(String id) throws IOException {
    return first(and(type(Schema.TYPE_SECTION), new TermQuery(new Term(Schema.ID, id))))
        .map(DocumentMapper::section);
  }

  /** The sections of one document in document order. */
  @Override
  public List<IndexedSection> sections(String docId) throws IOException {
    Sort byOrdinal = new Sort(new SortField(Schema.ORDINAL, SortField.Type.INT));
    return all(
            and(type(Schema.TYPE_SECTION), new TermQuery(new Term(Schema.DOC_ID, docId))),
            byOrdinal)
        .stream()
        .map(DocumentMapper::section)
        .toList();
  }

  /** The section at {@code ordinal} in its document (a section page's previous or next), if any. */
  @Override
  public Optional<IndexedSection> sectionAt(String docId, int ordinal) throws IOException {
    if (ordinal < 0) return Optional.empty();
    return first(
            and(
                and(type(Schema.TYPE_SECTION), new TermQuery(new Term(Schema.DOC_ID, docId))),
                org.apache.lucene.document.NumericDocValuesField.newSlowExactQuery(
                    Schema.ORDINAL, ordinal)))
        .map(DocumentMapper::section);
  }

  /**
   * A document's table of contents: every section's id, ordinal, level, heading and category, in
   * document order, without their text (the text of each is empty here).
   */
  @Override
  public List<IndexedSection> headings(String docId) throws IOException {
    java.util.Set<String> fields = Schema.OUTLINE_FIELDS;
    IndexSearcher s = visible.acquire();
    try {
      Query q = and(type(Schema.TYPE_SECTION), new TermQuery(new Term(Schema.DOC_ID, docId)));
      var stored = s.storedFields();
      List<IndexedSection> out = new ArrayList<>();
      for (ScoreDoc h :
          s.search(
                  q,
                  Math.max(1, s.count(q)),
                  new Sort(new SortField(Schema.ORDINAL, SortField.Type.INT)))
              .scoreDocs) {
        Document d = stored.document(h.doc, fields);
        d.add(new org.apache.lucene.document.StoredField(Schema.TEXT, ""));
        out.add(DocumentMapper.section(d));
      }
      return out;
    } finally {
      visible.release(s);
    }
  }

  /** One page of a document's sections in document order: {@code count} from {@code from}. */
  @Override
  public List<IndexedSection> sections(String docId, int from, int count) throws IOException {
    Query q =
        and(
            and(type(Schema.TYPE_SECTION), new TermQuery(new Term(Schema.DOC_ID, docId))),
            org.apache.lucene.document.NumericDocValuesField.newSlowRangeQuery(
                Schema.ORDINAL, from, (long) from + count - 1));
    return all(q, new Sort(new SortField(Schema.ORDINAL, SortField.Type.INT))).stream()
        .map(DocumentMapper::section)
        .toList();
  }

  /**
   * A document's record with its files, without the text between its sections (no page needs it:
   * sections carry their own text).
   */
  @Override
  public Optional<IndexedDocument> document(String docId) throws IOException {
    Optional<Document> rec =
        firstWithout(
            and(type(Schema.TYPE_DOCUMENT), new TermQuery(new Term(Schema.DOC_ID, docId))),
            Schema.CLEAN_GAPS);
    if (rec.isEmpty()) return Optional.empty();
    List<String> files =
        fileRefs(docId, rec.get().get(Schema.SHA256)).stream()
            .map(org.gongkai.model.FileRef::path)
            .toList();
    return Optional.of(DocumentMapper.document(rec.get(), files));
  }

  /**
   * The files a document was read from: those with the document's own bytes ({@code sha256}) first,
   * then the same report in other formats; by name, then path.
   */
  @Override
  public List<org.gongkai.model.FileRef> fileRefs(String docId, String sha256) throws IOException {
    List<org.gongkai.model.FileRef> out = new ArrayList<>();
    for (Document f :
        all(and(type(Schema.TYPE_FILE), new TermQuery(new Term(Schema.FILE_DOC_ID, docId))), null))
      out.add(org.gongkai.model.FileRef.of(f.get(Schema.FILE_PATH), f.get(Schema.FILE_SHA256)));
    out.sort(org.gongkai.model.FileRef.order(sha256));
    return out;
  }

  /** Every indicator statement of one document, in text order. */
  @Override
  public List<IndicatorValue> indicators(String docId) throws IOException {
    return all(
            and(type(Schema.TYPE_INDICATOR), new TermQuery(new Term(Schema.DOC_ID, docId))), null)
        .stream()
        .map(DocumentMapper::indicator)
        .sorted(java.util.Comparator.comparingInt(IndicatorValue::start))
        .toList();
  }

  /** The contradictions found in one document (reading only them, not the document's text). */
  @Override
  public List<IndicatorFlag> flags(String docId) throws IOException {
    return reportField(docId, Schema.FLAGS).map(DocumentMapper::flags).orElse(List.of());
  }

  @Override
  public List<org.gongkai.model.ListedEntry> listed(String docId) throws IOException {
    return reportField(docId, Schema.LISTED).map(DocumentMapper::listed).orElse(List.of());
  }

  @Override
  public org.gongkai.model.PurchaseReading purchases(String docId) throws IOException {
    return reportField(docId, Schema.PURCHASES)
        .map(DocumentMapper::purchases)
        .orElse(org.gongkai.model.PurchaseReading.NONE);
  }

  @Override
  public org.gongkai.model.UnitReading units(String docId) throws IOException {
    return reportField(docId, Schema.UNITS)
        .map(DocumentMapper::units)
        .orElse(org.gongkai.model.UnitReading.NONE);
  }

  /** Which standard tables one document discloses (reading only that, not its text). */
  @Override
  public org.gongkai.model.Completeness completeness(String docId) throws IOException {
    return reportField(docId, Schema.COMPLETENESS)
        .map(DocumentMapper::completeness)
        .orElse(org.gongkai.model.Completeness.NONE);
  }

  /**
   * One stored field of a report's record (as a document holding only it), reading nothing else of
   * the record; empty when there is no such report.
   */
  private Optional<Document> reportField(String docId, String field) throws IOException {
    IndexSearcher s = visible.acquire();
    try {
      ScoreDoc[] hits =
          s.search(
                  and(type(Schema.TYPE_DOCUMENT), new TermQuery(new Term(Schema.DOC_ID, docId))), 1)
              .scoreDocs;
      if (hits.length == 0) return Optional.empty();
      return Optional.of(s.storedFields().document(hits[0].doc, java.util.Set.of(field)));
    } finally {
      visible.release(s);
    }
  }

  /**
   * The ids of every document, reading nothing else (an index may hold thousands of long reports).
   */
  public java.util.Set<String> documentIds() throws IOException {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    IndexSearcher s = visible.acquire();
    try {
      Query q = type(Schema.TYPE_DOCUMENT);
      var stored = s.storedFields();
      for (ScoreDoc h : s.search(q, Math.max(1, s.count(q))).scoreDocs) {
        ids.add(stored.document(h.doc, java.util.Set.of(Schema.DOC_ID)).get(Schema.DOC_ID));
      }
    } finally {
      visible.release(s);
    }
    return ids;
  }

  /** Every document, in index order. */
  public List<IndexedDocument> documents() throws IOException {
    Map<String, List<org.gongkai.model.FileRef>> filesByDoc = new LinkedHashMap<>();
    for (IndexedFile f : files().values())
      filesByDoc
          .computeIfAbsent(f.docId(), k -> new ArrayList<>())
          .add(org.gongkai.model.FileRef.of(f.path(), f.sha256()));
    List<IndexedDocument> out = new ArrayList<>();
    for (Document doc : all(type(Schema.TYPE_DOCUMENT), null)) {
      String docId = doc.get(Schema.DOC_ID);
      List<org.gongkai.model.FileRef> refs =
          new ArrayList<>(filesByDoc.getOrDefault(docId, List.of()));
      refs.sort(org.gongkai.model.FileRef.order(doc.get(Schema.SHA256)));
      out.add(
          DocumentMapper.document(
              doc, refs.stream().map(org.gongkai.model.FileRef::path).toList()));
    }
    return out;
  }

  /**
   * Reports that may be the same report as one of this year, kind and region (another format, or a
   * 部门 and a 单位 version): their ids, found by the reports' facets, never by reading every report.
   */
  @Override
  public List<String> sameKindAndPlace(Integer year, String kind, Region region)
      throws IOException {
    return sameKindAndPlace(year, kind, region, null);
  }

  /**
   * The same, of one issuer ({@code issuer} in any spelling {@link org.gongkai.model.IssuerNames}
   * folds together; any issuer when null): what may be the same report in another format.
   */
  public List<String> sameKindAndPlace(Integer year, String kind, Region region, String issuer)
      throws IOException {
    if (kind == null || region == null) return List.of();
    String dims = facets.getDimConfig(org.gongkai.model.Facet.KIND.key()).indexFieldName;
    String regionField = facets.getDimConfig(org.gongkai.model.Facet.REGION.key()).indexFieldName;
    BooleanQuery.Builder q =
        new BooleanQuery.Builder()
            .add(type(Schema.TYPE_DOCUMENT), Occur.FILTER)
            .add(
                new TermQuery(
                    org.apache.lucene.facet.DrillDownQuery.term(
                        dims, org.gongkai.model.Facet.KIND.key(), kind)),
                Occur.FILTER)
            .add(
                new TermQuery(
                    org.apache.lucene.facet.DrillDownQuery.term(
                        regionField,
                        org.gongkai.model.Facet.REGION.key(),
                        region.path().toArray(String[]::new))),
                Occur.FILTER);
    if (year != null)
      q.add(org.apache.lucene.document.IntPoint.newExactQuery(Schema.YEAR, year), Occur.FILTER);
    if (issuer != null)
      q.add(
          new TermQuery(
              new Term(Schema.ISSUER_NORMAL, org.gongkai.model.IssuerNames.normal(issuer))),
          Occur.FILTER);
    List<String> out = new ArrayList<>();
    IndexSearcher s = visible.acquire();
    try {
      Query query = q.build();
      var stored = s.storedFields();
      for (ScoreDoc h : s.search(query, Math.max(1, s.count(query))).scoreDocs)
        out.add(stored.document(h.doc, java.util.Set.of(Schema.DOC_ID)).get(Schema.DOC_ID));
    } finally {
      visible.release(s);
    }
    java.util.Collections.sort(out);
    return out;
  }

  /**
   * Every report of one issuer (its name in any spelling {@link org.gongkai.model.IssuerNames}
   * folds together), without their texts: newest year first, then kind, then id.
   */
  @Override
  public List<IndexedDocument> byIssuer(String issuer) throws IOException {
    if (issuer == null || issuer.isBlank()) return List.of();
    Query q =
        and(
            type(Schema.TYPE_DOCUMENT),
            new TermQuery(
                new Term(
                    Schema.ISSUER_NORMAL, org.gongkai.model.IssuerNames.normal(issuer.strip()))));
    List<String> ids = new ArrayList<>();
    IndexSearcher s = visible.acquire();
    try {
      var stored = s.storedFields();
      for (ScoreDoc h : s.search(q, Math.max(1, s.count(q))).scoreDocs)
        ids.add(stored.document(h.doc, java.util.Set.of(Schema.DOC_ID)).get(Schema.DOC_ID));
    } finally {
      visible.release(s);
    }
    List<IndexedDocument> out = new ArrayList<>();
    for (String id : ids) document(id).ifPresent(out::add);
    out.sort(
        java.util.Comparator.comparing(
                (IndexedDocument d) -> d.year() == null ? Integer.MIN_VALUE : d.year(),
                java.util.Comparator.reverseOrder())
            .thenComparing(d -> d.kind() == null ? "" : d.kind())
            .thenComparing(IndexedDocument::docId));
    return out;
  }

  /** A report's clean text (the whole report: read only to compare reports), or empty. */
  @Override
  public Optional<String> cleanText(String docId) throws IOException {
    Optional<Document> report =
        first(and(type(Schema.TYPE_DOCUMENT), new TermQuery(new Term(Schema.DOC_ID, docId))));
    if (report.isEmpty()) return Optional.empty();
    List<Document> sections =
        all(and(type(Schema.TYPE_SECTION), new TermQuery(new Term(Schema.DOC_ID, docId))), null);
    return Optional.of(DocumentMapper.cleanText(report.get(), sections));
  }

  /** Makes everything written here visible to new searches, without committing. */
  public void refreshNow() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Number of section records. */
  @Override
  public int sectionCount() throws IOException {
    return count(type(Schema.TYPE_SECTION));
  }

  /** Number of document records. */
  @Override
  public int documentCount() throws IOException {
    return count(type(Schema.TYPE_DOCUMENT));
  }

  private int count(Query q) throws IOException {
    IndexSearcher s = visible.acquire();
    try {
      return s.count(q);
    } finally {
      visible.release(s);
    }
  }

  private Optional<Document> first(Query q) throws IOException {
    IndexSearcher s = visible.acquire();
    try {
      ScoreDoc[] hits = s.search(q, 1).scoreDocs;
      return hits.length == 0
          ? Optional.empty()
          : Optional.of(s.storedFields().document(hits[0].doc));
    } finally {
      visible.release(s);
    }
  }

  /** The first hit's stored fields but one (a large one not needed). */
  private Optional<Document> firstWithout(Query q, String skipped) throws IOException {
    IndexSearcher s = visible.acquire();
    try {
      ScoreDoc[] hits = s.search(q, 1).scoreDocs;
      if (hits.length == 0) return Optional.empty();
      var visitor =
          new org.apache.lucene.document.DocumentStoredFieldVisitor() {
            @Override
            public Status needsField(org.apache.lucene.index.FieldInfo field) throws IOException {
              return field.name.equals(skipped) ? Status.NO : super.needsField(field);
            }
          };
      s.storedFields().document(hits[0].doc, visitor);
      return Optional.of(visitor.getDocument());
    } finally {
      visible.release(s);
    }
  }

  private List<Document> all(Query q, Sort sort) throws IOException {
    IndexSearcher s = visible.acquire();
    try {
      int n = Math.max(1, s.count(q));
      ScoreDoc[] hits = sort == null ? s.search(q, n).scoreDocs : s.search(q, n, sort).scoreDocs;
      var stored = s.storedFields();
      List<Document> out = new ArrayList<>(hits.length);
      for (ScoreDoc h : hits) out.add(stored.document(h.doc));
      return out;
    } finally {
      visible.release(s);
    }
  }

  /** Query for one kind of record. */
  public static Query type(String type) {
    return new TermQuery(new Term(Schema.TYPE, type));
  }

  private static Query and(Query a, Query b) {
    return new BooleanQuery.Builder().add(a, Occur.FILTER).add(b, Occur.FILTER).build();
  }

  @Override
  public void close() throws IOException {
    // closing the writer commits what is pending: the replica first, as in commit(); if the replica
    // cannot take it, this index forgets it too (so the next run reads those files again)
    try {
      if (writer != null && replica != null && writer.isOpen()) {
        try {
          replica.commit();
        } catch (IOException | RuntimeException e) {
          writer.rollback();
          throw e;
        }
      }
    } finally {
      try (directory;
          writer;
          searchers;
          CollectionIndexes joined = collections) {
        // closes in reverse order: searchers, writer (which commits pending changes), directory
      } finally {
        threads.shutdown();
      }
    }
  }
}
