package org.gongkai.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.extract.Archives;
import org.gongkai.extract.ExtractionException;
import org.gongkai.extract.PageImages;
import org.gongkai.index.ContentHash;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Records;
import org.gongkai.model.DocumentReading;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Marked;
import org.gongkai.model.SectionReading;
import org.gongkai.model.TextTable;
import org.gongkai.text.Tables;

/**
 * Reads what the index holds for people to read: one section with its neighbours, one page of a
 * document, a document's outline, the original file. Hits of a query are marked here; the web only
 * renders. Sections are read a page at a time, so a report of tens of thousands of sections is
 * never loaded whole.
 */
public final class ReadingService {

  /** Sections shown on one page of a document. */
  public static final int PAGE_SECTIONS = 100;

  /** The most of one section's text shown on a document page (its own page shows all). */
  public static final int MAX_SECTION_CHARS = 100_000;

  private static final Pattern MARK = Pattern.compile("(\\d{1,9})-(\\d{1,9})");

  private final Records store;
  private final java.util.function.Function<String, SearchService.TextMarker> markers;

  /** Over the embedded index; hits marked as {@code search} reads queries. */
  public ReadingService(IndexStore store, SearchService search) {
    this(store, search::marker);
  }

  /**
   * Over any record source (a SolrCloud collection's too); {@code markers} gives the marker of a
   * query.
   */
  public ReadingService(
      Records store, java.util.function.Function<String, SearchService.TextMarker> markers) {
    this.store = store;
    this.markers = markers;
  }

  /**
   * The files of the private collection {@code key}, each with its report (the caller has checked
   * that the request may read it).
   */
  public List<Map.Entry<org.gongkai.model.IndexedFile, Optional<IndexedDocument>>> collectionFiles(
      String key) throws IOException {
    return store.collectionFiles(key);
  }

  /** Sees the latest commit (another process may be indexing); cheap when nothing changed. */
  public void refresh() throws IOException {
    store.refresh();
  }

  /**
   * Where a permalink to a report that is now part of another (the same report in another format,
   * merged when that was indexed) leads: the path of the report that stayed, or its section with
   * the same place in the outline, or empty when {@code docId} was never merged.
   */
  public Optional<String> mergedInto(String docId, String sectionPath) throws IOException {
    if (docId == null || !docId.matches("[0-9a-f]{16}")) return Optional.empty();
    for (org.gongkai.model.IndexedFile f : store.files().values()) {
      if (f.sha256() == null || !f.sha256().startsWith(docId) || f.docId().equals(docId)) continue;
      if (sectionPath != null && store.section(f.docId() + "-" + sectionPath).isPresent())
        return Optional.of("/s/" + f.docId() + "-" + sectionPath);
      return Optional.of("/d/" + f.docId());
    }
    return Optional.empty();
  }

  /** One report of an issuer with its headline figures. */
  public record IssuerReport(IndexedDocument document, List<IndicatorValue> figures) {}

  /** Every report of one issuer, newest year first, each with its headline figures. */
  public List<IssuerReport> issuer(String name) throws IOException {
    List<IssuerReport> out = new ArrayList<>();
    for (IndexedDocument d : store.byIssuer(name))
      out.add(
          new IssuerReport(
              d, store.indicators(d.docId()).stream().filter(IndicatorValue::headline).toList()));
    return out;
  }

  /**
   * An entry a page lists, with the report the collection holds for it ({@code held}), or null when
   * the entry names a report the collection lacks, or names none.
   */
  public record Listed(org.gongkai.model.ListedEntry entry, IndexedDocument held) {}

  /** The entries one page lists, each with the report the collection holds for it. */
  public List<Listed> listed(IndexedDocument page) throws IOException {
    if (page.report()) return List.of();
    Map<String, List<IndexedDocument>> byIssuer = new java.util.HashMap<>();
    List<Listed> out = new ArrayList<>();
    for (org.gongkai.model.ListedEntry e : store.listed(page.docId()))
      out.add(new Listed(e, held(e, byIssuer)));
    return out;
  }

  /**
   * The reports an issuer's pages list (its portal's lists and home page), once each: which the
   * collection holds and which it lacks — a journalist's list for the next crawl. Newest year
   * first, the lacking before the held of a year.
   */
  public List<Listed> listedBy(String issuer) throws IOException {
    Map<String, List<IndexedDocument>> byIssuer = new java.util.HashMap<>();
    Map<String, Listed> once = new java.util.LinkedHashMap<>();
    for (IndexedDocument d : store.byIssuer(issuer)) {
      if (d.report()) continue;
      for (org.gongkai.model.ListedEntry e : store.listed(d.docId())) {
        if (!e.namesAReport()) continue;
        String key =
            org.gongkai.model.IssuerNames.normal(e.issuer()) + "|" + e.year() + "|" + e.kind();
        once.putIfAbsent(key, new Listed(e, held(e, byIssuer)));
      }
    }
    List<Listed> out = new ArrayList<>(once.values());
    out.sort(
        java.util.Comparator.comparing(
                (Listed l) -> l.entry().year(), java.util.Comparator.reverseOrder())
            .thenComparing(l -> l.held() != null)
            .thenComparing(l -> l.entry().issuer())
            .thenComparing(l -> l.entry().kind()));
    return out;
  }

  /** The report of the entry's issuer, year and kind the collection holds, or null. */
  private IndexedDocument held(
      org.gongkai.model.ListedEntry e, Map<String, List<IndexedDocument>> byIssuer)
      throws IOException {
    if (!e.namesAReport()) return null;
    List<IndexedDocument> reports = byIssuer.get(e.issuer());
    if (reports == null) {
      reports = store.byIssuer(e.issuer());
      byIssuer.put(e.issuer(), reports);
    }
    for (IndexedDocument d : reports)
      if (d.report() && e.year().equals(d.year()) && e.kind().equals(d.kind())) return d;
    return null;
  }

  /** A report like another but not the same (a 部门 and a 单位 version): how much text they share. */
  public record Related(IndexedDocument document, double overlap) {}

  /** Overlaps kept, least recently used out first (a pair's is a few dozen bytes). */
  static final int MAX_KEPT_OVERLAPS = 10_000;

  /** How much two reports' texts share, by their two ids (in order), as computed. */
  private final Map<String, Double> overlaps =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
              return size() > MAX_KEPT_OVERLAPS;
            }
          });

  private final Object comparing = new Object();

  /** Reports compared at most, per document page. */
  static final int MAX_RELATED_CANDIDATES = 20;

  /**
   * Reports of the same year, kind and region whose issuer's name holds the other's (局 and 局本级) and
   * that share at least {@link org.gongkai.text.Shingles#RELATED} of their text: related, not
   * merged (the same report in another format is merged when indexed). Most similar first.
   */
  public List<Related> related(IndexedDocument d) throws IOException {
    if (d.region() == null || d.issuer() == null) return List.of();
    String mine = org.gongkai.model.IssuerNames.normal(d.issuer());
    List<IndexedDocument> candidates = new ArrayList<>();
    for (String id : store.sameKindAndPlace(d.year(), d.kind(), d.region())) {
      if (id.equals(d.docId())) continue;
      Optional<IndexedDocument> other = store.document(id);
      if (other.isEmpty() || other.get().issuer() == null) continue;
      String theirs = org.gongkai.model.IssuerNames.normal(other.get().issuer());
      if (mine.contains(theirs) || theirs.contains(mine)) candidates.add(other.get());
      if (candidates.size() >= MAX_RELATED_CANDIDATES) break;
    }
    if (candidates.isEmpty()) return List.of();
    List<Related> out = new ArrayList<>();
    org.gongkai.text.Shingles shingles = null;
    for (IndexedDocument c : candidates) {
      // a document id is its content's hash: two ids' overlap never changes, so it is kept
      String pair =
          d.docId().compareTo(c.docId()) < 0 ? d.docId() + c.docId() : c.docId() + d.docId();
      Double overlap = overlaps.get(pair);
      if (overlap == null) {
        // one comparison at a time: each holds two whole reports' shingles
        synchronized (comparing) {
          overlap = overlaps.get(pair);
          if (overlap == null) {
            if (shingles == null) {
              Optional<String> text = store.cleanText(d.docId());
              if (text.isEmpty()) return List.of();
              shingles = org.gongkai.text.Shingles.of(text.get());
            }
            Optional<String> other = store.cleanText(c.docId());
            if (other.isEmpty()) continue;
            overlap = shingles.overlap(org.gongkai.text.Shingles.of(other.get()));
            overlaps.put(pair, overlap);
          }
        }
      }
      if (overlap >= org.gongkai.text.Shingles.RELATED) out.add(new Related(c, overlap));
    }
    out.sort(
        java.util.Comparator.comparing((Related r) -> -r.overlap())
            .thenComparing(r -> r.document().docId()));
    return out;
  }

  public long sectionCount() throws IOException {
    return store.sectionCount();
  }

  public long documentCount() throws IOException {
    return store.documentCount();
  }

  /**
   * The section {@code id} with {@code query}'s hits marked — or, with {@code mark} ({@code
   * START-END}: offsets in the document's clean text, as figures carry them), exactly that span:
   * the very figure a table or sentence stated, not every equal number.
   */
  public Optional<SectionReading> section(String id, String query, String mark) throws IOException {
    Optional<IndexedSection> found = store.section(id);
    if (found.isEmpty()) return Optional.empty();
    IndexedSection s = found.get();
    Optional<IndexedDocument> d = store.document(s.docId());
    if (d.isEmpty()) return Optional.empty();
    // the section and its two neighbours only: never the whole report, however long it is
    IndexedSection prev = store.sectionAt(s.docId(), s.ordinal() - 1).orElse(null);
    IndexedSection next = store.sectionAt(s.docId(), s.ordinal() + 1).orElse(null);
    SearchService.TextMarker marker = markers.apply(query);
    Marked body = markedSpan(mark, s).orElse(null);
    if (body == null) body = marker.mark(s.body());
    return Optional.of(new SectionReading(s, d.get(), prev, next, marker.mark(s.heading()), body));
  }

  private static Optional<Marked> markedSpan(String mark, IndexedSection s) {
    if (mark == null) return Optional.empty();
    Matcher m = MARK.matcher(mark.strip());
    if (!m.matches()) return Optional.empty();
    String body = s.body();
    int from = Integer.parseInt(m.group(1)) - s.start() - s.bodyOffset();
    int to = Integer.parseInt(m.group(2)) - s.start() - s.bodyOffset();
    if (from < 0 || to > body.length() || from >= to) return Optional.empty();
    return Optional.of(SearchService.markRange(body, from, to));
  }

  /** Page {@code page} (from 1; out of range is brought in) of document {@code docId}. */
  public Optional<DocumentReading> document(String docId, String query, int page)
      throws IOException {
    Optional<IndexedDocument> found = store.document(docId);
    if (found.isEmpty()) return Optional.empty();
    IndexedDocument d = found.get();
    List<IndexedSection> headings = store.headings(docId);
    int pages = Math.max(1, (headings.size() + PAGE_SECTIONS - 1) / PAGE_SECTIONS);
    int p = Math.max(1, Math.min(pages, page));
    SearchService.TextMarker marker = markers.apply(query); // the query is read once for all
    List<DocumentReading.Shown> shown = new ArrayList<>();
    for (IndexedSection s : store.sections(docId, (p - 1) * PAGE_SECTIONS, PAGE_SECTIONS)) {
      String text = s.body();
      boolean cut = text.length() > MAX_SECTION_CHARS;
      Marked body = marker.mark(cut ? text.substring(0, MAX_SECTION_CHARS) : text);
      shown.add(new DocumentReading.Shown(s, marker.mark(s.heading()), body, cut));
    }
    // the headlines, and the values of each figure the report leaves undecided; of a government's
    // own budget, every figure it states once, at each level and in each role (last year's 执行数, the
    // 市级 budget): those are its story as much as the whole city's this year
    boolean government =
        org.gongkai.model.ReportKind.ofLabel(d.kind())
            .map(org.gongkai.model.ReportKind::government)
            .orElse(false);
    List<IndicatorValue> headlines =
        government
            ? eachOnce(store.indicators(docId))
            : store.indicators(docId).stream().filter(v -> v.headline() || v.candidate()).toList();
    boolean available = d.files().stream().anyMatch(f -> Files.isRegularFile(Path.of(f)));
    return Optional.of(
        new DocumentReading(
            d, headings, p, pages, PAGE_SECTIONS, shown, headlines, store.flags(docId), available));
  }

  /**
   * The figures a passage of a section states, as a figure's link marks it ({@code ?mark=START-END}
   * of {@link org.gongkai.model.IndicatorValue#start()}): the headlines and candidates standing
   * exactly there. Empty for a mark no figure stands at.
   */
  public List<IndicatorValue> figuresAt(String docId, String sectionId, int start, int end)
      throws IOException {
    return store.indicators(docId).stream()
        .filter(v -> v.headline() || v.candidate())
        .filter(v -> sectionId.equals(v.sectionId()) && v.start() == start && v.end() == end)
        .toList();
  }

  /** A document's metadata and its outline (every section's heading, no text). */
  public Optional<IndexedDocument> documentRecord(String docId) throws IOException {
    return store.document(docId);
  }

  /** The tables of one section (see {@link Tables}). */
  public List<TextTable> tables(IndexedSection s) {
    return Tables.find(s.id(), s.text());
  }

  /** Every table of a document, with the sections they are in, in document order. */
  public Optional<List<SectionTable>> documentTables(String docId) throws IOException {
    if (store.document(docId).isEmpty()) return Optional.empty();
    List<SectionTable> out = new java.util.ArrayList<>();
    for (IndexedSection s : store.sections(docId))
      for (TextTable t : tables(s)) out.add(new SectionTable(s, t));
    return Optional.of(out);
  }

  /** One table by its id ({@code sectionId-tN}), with its section. */
  public Optional<SectionTable> table(String tableId) throws IOException {
    int at = tableId.lastIndexOf("-t");
    if (at <= 0) return Optional.empty();
    Optional<IndexedSection> s = store.section(tableId.substring(0, at));
    if (s.isEmpty()) return Optional.empty();
    return tables(s.get()).stream()
        .filter(t -> t.id().equals(tableId))
        .findFirst()
        .map(t -> new SectionTable(s.get(), t));
  }

  /** A table and the section it is in (its page is the section's page at the table's start). */
  public record SectionTable(IndexedSection section, TextTable table) {
    public int page() {
      return section.pages().at(table.start());
    }
  }

  public List<IndexedSection> outline(String docId) throws IOException {
    return store.headings(docId);
  }

  /** The flags found in a report (its contradictions, wording slips and completeness). */
  public List<org.gongkai.model.IndicatorFlag> flags(String docId) throws IOException {
    return store.flags(docId);
  }

  /**
   * A path of the document whose file still holds the indexed bytes: a file changed since indexing
   * must not be served as the original the citation names.
   */
  public Optional<Original> original(IndexedDocument d) {
    return original(d.files(), d.sha256());
  }

  /** The files a document was read from: its own bytes first, then other formats of the report. */
  public List<org.gongkai.model.FileRef> files(IndexedDocument d) throws IOException {
    return store.fileRefs(d.docId(), d.sha256());
  }

  /**
   * File {@code n} (from 1) of {@link #files}, if it still holds the bytes it had when indexed; the
   * first is {@link #original}.
   */
  public Optional<Original> file(IndexedDocument d, int n) throws IOException {
    if (n <= 1) return original(d);
    List<org.gongkai.model.FileRef> files = files(d);
    if (n > files.size()) return Optional.empty();
    org.gongkai.model.FileRef f = files.get(n - 1);
    return original(List.of(f.path()), f.sha256());
  }

  /**
   * Archive members unpacked lately, by content hash and archive, the least recently used out
   * first.
   */
  static final long MAX_UNPACKED_BYTES = 64L << 20;

  /** A member larger than this is unpacked each time it is asked for, not kept. */
  static final long MAX_KEPT_MEMBER_BYTES = 16L << 20;

  private final java.util.LinkedHashMap<String, byte[]> unpacked =
      new java.util.LinkedHashMap<>(16, 0.75f, true);
  private long unpackedBytes;

  /**
   * The member {@code inner} of {@code archive}, if it still has the content hash {@code sha256}:
   * kept from the last time when it was, else unpacked — one archive at a time, so eight clients
   * downloading from a zip of large members hold one member's bytes, not eight archives'.
   */
  private byte[] unpacked(Path archive, String inner, String sha256)
      throws IOException, ExtractionException {
    // kept by content and by the archive as it is now: an archive changed since is read again
    String key =
        sha256
            + "@"
            + archive.toAbsolutePath()
            + "@"
            + Files.getLastModifiedTime(archive).toMillis()
            + "@"
            + Files.size(archive);
    synchronized (unpacked) {
      byte[] kept = unpacked.get(key);
      if (kept != null) return kept; // a kept member never waits behind an unpacking
    }
    synchronized (unpacking) {
      synchronized (unpacked) {
        byte[] kept = unpacked.get(key); // unpacked meanwhile by the request before
        if (kept != null) return kept;
      }
      byte[] bytes =
          archives.member(archive.getFileName().toString(), Files.readAllBytes(archive), inner);
      if (!sha256.equals(ContentHash.of(bytes))) return null;
      if (bytes.length <= MAX_KEPT_MEMBER_BYTES) {
        synchronized (unpacked) {
          unpacked.put(key, bytes);
          unpackedBytes += bytes.length;
          for (var it = unpacked.entrySet().iterator();
              unpackedBytes > MAX_UNPACKED_BYTES && it.hasNext(); ) {
            unpackedBytes -= it.next().getValue().length;
            it.remove();
          }
        }
      }
      return bytes;
    }
  }

  private final Object unpacking = new Object();

  /**
   * Folders whose files now live elsewhere (a workspace restored from its backup into another
   * folder): the old folder's path, as the index names it, and the new one.
   */
  private volatile List<Map.Entry<String, String>> moved = List.of();

  /**
   * Files the index names below {@code from} are looked for below {@code to} too, where they are no
   * longer at their old place (still only with the bytes they had when indexed).
   */
  public void relocated(Path from, Path to) {
    List<Map.Entry<String, String>> m = new java.util.ArrayList<>(moved);
    m.add(
        Map.entry(
            from.toAbsolutePath().normalize() + java.io.File.separator,
            to.toAbsolutePath().normalize() + java.io.File.separator));
    moved = List.copyOf(m);
  }

  /** {@code path} and where it may have moved to. */
  private List<String> whereNow(String path) {
    if (moved.isEmpty()) return List.of(path);
    List<String> out = new java.util.ArrayList<>(List.of(path));
    for (Map.Entry<String, String> e : moved)
      if (path.startsWith(e.getKey())) out.add(e.getValue() + path.substring(e.getKey().length()));
    return out;
  }

  private Optional<Original> original(List<String> paths, String sha256) {
    List<String> candidates = new java.util.ArrayList<>();
    for (String f : paths) candidates.addAll(whereNow(f));
    for (String f : candidates) {
      try {
        int at = org.gongkai.model.ArchivePaths.memberAt(f);
        if (at > 0) {
          // a member of an archive: unpacked from it, if the archive still holds the same bytes
          Path archive = Path.of(f.substring(0, at));
          if (!Files.isRegularFile(archive)
              || Files.size(archive) > org.gongkai.config.ExtractConfig.DEFAULT_MAX_FILE_BYTES)
            continue; // indexing refuses such an archive too
          byte[] bytes = unpacked(archive, f.substring(at + Archives.SEPARATOR.length()), sha256);
          if (bytes != null)
            return Optional.of(new Original(f.substring(f.lastIndexOf('/') + 1), bytes, null));
          continue;
        }
        Path p = Path.of(f);
        if (Files.isRegularFile(p) && sha256.equals(ContentHash.of(p)))
          return Optional.of(new Original(p.getFileName().toString(), null, p));
      } catch (IOException | ExtractionException e) {
        // unreadable now: not servable; another path may be
      }
    }
    return Optional.empty();
  }

  /**
   * A picture of page {@code page} (from 1) of the document's original PDF; {@code NoSuchPage} for
   * a page outside it, a document that is not a PDF, or an original no longer on disk.
   */
  public PageImages.Result pageImage(IndexedDocument d, int page) {
    return pageImage(d, page, List.of());
  }

  /** The same, with {@code marks} (texts) drawn over where they stand on the page. */
  public PageImages.Result pageImage(IndexedDocument d, int page, List<String> marks) {
    // a file without pages (a web page) has no page pictures: not even read; nor has a Word file
    // whose pages are the breaks it records, nor an OFD: only a PDF's pages are drawn
    if (page < 1 || page > d.pageCount() || !drawsPages(d)) return new PageImages.NoSuchPage();
    return pageImages.page(
        d.sha256(),
        page,
        () -> {
          Optional<Original> o = original(d);
          if (o.isEmpty()) return Optional.empty();
          if (o.get().bytes() != null) return Optional.of(o.get().bytes());
          return Optional.of(Files.readAllBytes(o.get().path()));
        },
        marks);
  }

  private final PageImages pageImages = new PageImages();

  /** Which standard tables the report discloses, as indexing found. */
  public org.gongkai.model.Completeness completeness(IndexedDocument d) throws IOException {
    return store.completeness(d.docId());
  }

  /** What the report's procurement table lists, as indexing read it. */
  public org.gongkai.model.PurchaseReading purchases(IndexedDocument d) throws IOException {
    return store.purchases(d.docId());
  }

  /** The budget units the report says it covers, as indexing read them. */
  public org.gongkai.model.UnitReading units(IndexedDocument d) throws IOException {
    return store.units(d.docId());
  }

  /** Whether the document's pages can be drawn as pictures: its original is a PDF. */
  public boolean drawsPages(IndexedDocument d) {
    return !d.files().isEmpty()
        && d.files().get(0).toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
  }

  /** An original file: on disk at {@code path}, or unpacked from an archive into {@code bytes}. */
  public record Original(String name, byte[] bytes, Path path) {
    public java.io.InputStream open() throws IOException {
      return bytes != null ? new java.io.ByteArrayInputStream(bytes) : Files.newInputStream(path);
    }
  }

  private final Archives archives = new Archives(org.gongkai.config.ExtractConfig.defaults());

  /**
   * Each figure once: the statements of one figure, scope, role and value are one line (the one
   * that is the headline, if any); figures that disagree are each a line.
   */
  static List<IndicatorValue> eachOnce(List<IndicatorValue> values) {
    java.util.Map<String, IndicatorValue> once = new java.util.LinkedHashMap<>();
    for (IndicatorValue v : values) {
      String key = v.indicator() + "|" + v.scope().code() + "|" + v.role() + "|" + v.valueWan();
      IndicatorValue seen = once.get(key);
      if (seen == null || !seen.headline() && v.headline()) once.put(key, v);
    }
    return List.copyOf(once.values());
  }
}
