package org.gongkai.ingest;

import java.nio.file.Path;
import java.util.List;
import org.gongkai.config.IngestLimits;
import org.gongkai.extract.Archives;
import org.gongkai.extract.ExtractionException;
import org.gongkai.extract.TikaExtractor;
import org.gongkai.index.ContentHash;
import org.gongkai.indicators.ConsistencyChecker;
import org.gongkai.indicators.IndicatorExtractor;
import org.gongkai.indicators.TimeLimit;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.ExtractedText;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IngestedDocument;
import org.gongkai.model.Section;
import org.gongkai.text.SectionSplitter;
import org.gongkai.text.TextCleaner;

/**
 * Ingests one file: extract → clean → split into sections → read metadata. The document id is a
 * prefix of the SHA-256 of the file's bytes, so the same bytes get the same ids on any machine.
 */
public final class DocumentIngestor {

  /**
   * The version of what ingest makes of a file (extraction, cleaning, metadata, analysis). Raise it
   * when a change alters what an indexed file would become: files read by an older version are read
   * again by the next {@code index} run, even though their bytes are unchanged.
   */
  // 3: flags stored as codes and arguments, not sentences; 4: scanned pages read by OCR;
  // 5: page ranges of sections; tables one row per line; WPS and OFD read; 6: PDF tables by
  // rulings, wrapped cells and across pages, merged cells keep columns, Word files' recorded pages;
  // 7: reports carry facets (lists of reports), one report in several formats is one document;
  // 8: clean text stored once (in sections), no offsets in postings, no unigrams inside runs of
  // letters, words without HanLP's recognisers; 9: words by HanLP's trie segmenter; 10: sections
  // carry a sample key; 11: figures with a scope, verified or undecided (candidates), read from
  // summary tables as ledgers; 12: flags with a severity and quotes, six families of checks (a
  // facet), landing pages not indexed; 13: another year's amounts, an item's own 基本/项目支出, a
  // total beside its carry-over, and a year compared against read as such; 14: a table's name is
  // no report's title, a table of words has one header row, a header word on a line of its own
  // (科目编码) keeps a table whole, codes written apart in one cell (229 08 04) are one code;
  // 15: outlines from the report's own 目录; 16: the amount a comparison names is the compared
  // year's, Gongkai's own
  // doubt (undecided) is no flag, tables cut by a page joined before they are summed, flags with
  // their evidence, 机关运行经费's items and targets (≤X) are no figures; 17: a file's role (a
  // report, or a list, a news item, a notice, a form, a page of navigation) before its kind, only a
  // report with figures, the entries a list names kept, web pages with no text said apart; 18: one
  // flag per contradiction (a table's failing sums grouped by the rows they share, flags worded
  // alike one), printed page numbers, a web page's own address, 政协 and 共青团 issuers placed
  // 19: carry-overs and staff read more ways; 20: a breakdown further on in its total's part, a
  // year's total the report states nowhere only a candidate, staff counts by column, an amount's
  // digits wrapped below its PDF cell joined; 21: nothing flagged on pages read by OCR (their
  // unconfirmed figures undecided), an amount glued to a letter or $ unread, points for commas,
  // a scan's table rulings taken out before OCR and its page read as one block, sideways turned
  // (22: JPEG 2000 scans, 中央); 23: a year's total the report states nowhere, computed from the
  // amounts it does state, is its headline (derived, said so); an income that folds the carry-over
  // in and never separates it is its figure, includesCarryOver
  // 24: the budget units a report covers (its list of them, their nature, its posts by kind), the
  // items of its procurement table
  public static final int PIPELINE_VERSION = 25;

  /** Hex digits of the SHA-256 kept in the document id. */
  public static final int DOC_ID_LENGTH = org.gongkai.model.Domain.DOC_ID_LENGTH;

  private final TikaExtractor extractor;
  private final TextCleaner cleaner;
  private final SectionSplitter splitter;
  private final MetadataExtractor metadata;
  private final IngestLimits limits;
  private final IndicatorExtractor indicators = new IndicatorExtractor();
  private final org.gongkai.projects.ProjectReader projects =
      new org.gongkai.projects.ProjectReader();
  private final org.gongkai.units.UnitReader units = new org.gongkai.units.UnitReader();
  private final org.gongkai.purchases.PurchaseReader purchases =
      new org.gongkai.purchases.PurchaseReader();
  private final org.gongkai.government.GovernmentFigures governments =
      new org.gongkai.government.GovernmentFigures();
  private final Archives archives;
  private final ConsistencyChecker checker = new ConsistencyChecker();

  public DocumentIngestor(
      TikaExtractor extractor,
      TextCleaner cleaner,
      SectionSplitter splitter,
      MetadataExtractor metadata) {
    this(extractor, cleaner, splitter, metadata, IngestLimits.defaults());
  }

  public DocumentIngestor(
      TikaExtractor extractor,
      TextCleaner cleaner,
      SectionSplitter splitter,
      MetadataExtractor metadata,
      IngestLimits limits) {
    this.extractor = extractor;
    this.cleaner = cleaner;
    this.splitter = splitter;
    this.metadata = metadata;
    this.limits = limits;
    this.archives = new Archives(extractor.config());
  }

  public IngestLimits limits() {
    return limits;
  }

  /**
   * When the time for one file is up: checked between stages, so a file over its budget fails
   * alone.
   */
  public record Deadline(long nanos, java.time.Duration budget) {
    public static Deadline in(java.time.Duration budget) {
      return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** The same deadline, later by {@code time} (spent on work with its own limit). */
    public Deadline extendedBy(java.time.Duration time) {
      return new Deadline(nanos + time.toNanos(), budget);
    }

    public void check(String stage) throws ExtractionException {
      if (System.nanoTime() > nanos) {
        throw new ExtractionException(
            "timed out: reading the file took longer than "
                + budget.toSeconds()
                + " s (at "
                + stage
                + ")");
      }
    }
  }

  /** Told how long each stage took, for the benchmark. */
  @FunctionalInterface
  public interface Stages {
    void took(String stage, long nanos);

    Stages NONE = (stage, nanos) -> {};
  }

  /** Everything ingest makes of the file; an unreadable file throws with the reason. */
  public IngestedDocument ingest(Path file) throws ExtractionException {
    byte[] bytes = read(file);
    return ingest(file, bytes, sha256(bytes), Stages.NONE, Deadline.in(limits.budget()));
  }

  /** The document alone (text, sections, metadata), without figures: for tools and tests. */
  public DisclosureDocument document(Path file) throws ExtractionException {
    return document(file, Stages.NONE);
  }

  /** The same, reporting the time of each stage ({@code extract}, {@code clean}, {@code split}). */
  public DisclosureDocument document(Path file, Stages stages) throws ExtractionException {
    byte[] bytes = read(file);
    String sha = sha256(bytes);
    return document(
        file,
        bytes,
        sha,
        org.gongkai.model.Domain.PUBLIC.docId(sha),
        stages,
        Deadline.in(limits.budget()));
  }

  /**
   * The file's bytes, read once (refused by size before reading when too large or empty); a member
   * of an archive ({@code reports.zip!/2024/a.pdf}) is unpacked from it.
   */
  public byte[] read(Path file) throws ExtractionException {
    String path = file.toString();
    int at = org.gongkai.model.ArchivePaths.memberAt(path);
    while (at >= 0) {
      Path archive = Path.of(path.substring(0, at));
      if (Archives.isArchive(archive.getFileName().toString())
          && java.nio.file.Files.isRegularFile(archive)) {
        return archives.member(
            archive.getFileName().toString(),
            extractor.read(archive),
            path.substring(at + Archives.SEPARATOR.length()));
      }
      at = path.indexOf(Archives.SEPARATOR, at + 1);
    }
    return extractor.read(file);
  }

  /** Reads archives into their members, within the extraction limits. */
  public Archives archives() {
    return archives;
  }

  /**
   * Ingests bytes already read and hashed ({@link #read}, {@link #sha256(byte[])}; a file is read
   * once) within a deadline for the whole pipeline of this file: the document, then its figures
   * (headlines marked) and the places where it contradicts itself.
   */
  public IngestedDocument ingest(
      Path file, byte[] bytes, String sha256, Stages stages, Deadline deadline)
      throws ExtractionException {
    return ingest(
        file, bytes, sha256, org.gongkai.model.Domain.PUBLIC.docId(sha256), stages, deadline);
  }

  /**
   * The same, as the document {@code docId} (its domain's id for these bytes: {@link
   * org.gongkai.model.Domain#docId}).
   */
  public IngestedDocument ingest(
      Path file, byte[] bytes, String sha256, String docId, Stages stages, Deadline deadline)
      throws ExtractionException {
    DisclosureDocument d = document(file, bytes, sha256, docId, stages, deadline);
    long t0 = System.nanoTime();
    Deadline figuresDeadline = deadline.extendedBy(d.ocr().took());
    IngestedDocument ingested;
    try {
      // the budget holds inside the figures' loops too, not only once they are done
      ingested = TimeLimit.within(figuresDeadline.nanos(), () -> figures(d));
    } catch (TimeLimit.Exceeded overrun) {
      figuresDeadline.check("figures");
      throw new IllegalStateException("over the time limit before it", overrun);
    } catch (TooManyFigures many) {
      throw new ExtractionException(many.getMessage());
    }
    stages.took("figures", System.nanoTime() - t0);
    figuresDeadline.check("figures");
    return ingested;
  }

  /** More figures than {@link IngestLimits#maxFigures()}: the file is refused. */
  private static final class TooManyFigures extends RuntimeException {
    TooManyFigures(String message) {
      super(message, null, false, false);
    }
  }

  /** A document's figures (headlines marked), its flags and its completeness. */
  public IngestedDocument figures(DisclosureDocument d) {
    if (!d.report()) {
      // a list, a news item, a notice: no figures, and nothing of a report to check or to lack
      return new IngestedDocument(d, List.of(), List.of(), org.gongkai.model.Completeness.NONE);
    }
    if (d.kind() != null && d.kind().government()) {
      // a government's own budget: its figures are a government's, read by their own reader; no
      // department's rule, check or list of tables applies
      List<IndicatorValue> figures = governments.read(d);
      return new IngestedDocument(
          d,
          figures,
          org.gongkai.government.GovernmentChecks.check(figures),
          org.gongkai.model.Completeness.NONE);
    }
    List<IndicatorValue> values =
        indicators.extract(d.docId(), d.text(), d.sections(), d.kind(), d.year(), d.issuer());
    if (values.size() > limits.maxFigures()) {
      throw new TooManyFigures(
          "too many figures: " + values.size() + " (limit " + limits.maxFigures() + ")");
    }
    org.gongkai.indicators.ConsistencyChecker.Assessment assessed = checker.assess(values, d);
    List<IndicatorFlag> flags = new java.util.ArrayList<>(assessed.flags());
    // the words' procurement figures against the procurement table its sums prove
    org.gongkai.model.PurchaseReading purchaseReading = purchases.read(d.text());
    org.gongkai.indicators.ProcurementTable.Weighed procurement =
        org.gongkai.indicators.ProcurementTable.weigh(
            d.text(), values, purchaseReading, org.gongkai.model.Role.ownFigure(d.kind()));
    values = procurement.values();
    flags.addAll(procurement.flags());
    // the standard tables it lacks (or only names) are flags too: what transparency indices score
    org.gongkai.model.Completeness completeness =
        new org.gongkai.indicators.CompletenessChecker().check(d.kind(), d.text());
    flags.addAll(
        org.gongkai.indicators.CompletenessChecker.flags(completeness, d.text(), values, d.kind()));
    // its projects, and where it contradicts itself about them
    org.gongkai.model.ProjectReading projectReading = projects.read(d.text());
    flags.addAll(projectReading.flags());
    // what rests on pages read by OCR is Gongkai's reading, not the report's words
    ScanReadings.Weighed weighed = ScanReadings.weigh(d, values, distinct(flags));
    return new IngestedDocument(
        d,
        weighed.values(),
        weighed.flags(),
        completeness,
        assessed.tablesSummed(),
        assessed.tablesMisread(),
        projectReading,
        units.read(d.text(), d.issuer()),
        purchaseReading);
  }

  /**
   * One flag per contradiction said: two checks (or one check reaching one place twice) that word
   * the same contradiction alike are one flag, with the places and statements of both.
   */
  static List<IndicatorFlag> distinct(List<IndicatorFlag> flags) {
    java.util.Map<List<Object>, IndicatorFlag> byWords = new java.util.LinkedHashMap<>();
    for (IndicatorFlag f : flags) {
      List<Object> key = List.of(f.code(), f.args());
      IndicatorFlag seen = byWords.get(key);
      if (seen == null) {
        byWords.put(key, f);
        continue;
      }
      List<org.gongkai.model.Quote> quotes = new java.util.ArrayList<>(seen.quotes());
      for (var q : f.quotes()) if (!quotes.contains(q)) quotes.add(q);
      List<org.gongkai.model.IndicatorValue> sources = new java.util.ArrayList<>(seen.sources());
      for (var v : f.sources()) if (!sources.contains(v)) sources.add(v);
      List<String> evidence = new java.util.ArrayList<>(seen.evidence());
      for (String e : f.evidence()) if (!evidence.contains(e)) evidence.add(e);
      byWords.put(
          key,
          new IndicatorFlag(
              seen.check(),
              seen.code(),
              seen.args(),
              sources,
              seen.severity().compareTo(f.severity()) <= 0 ? seen.severity() : f.severity(),
              quotes,
              evidence));
    }
    return List.copyOf(byWords.values());
  }

  private DisclosureDocument document(
      Path file, byte[] bytes, String sha256, String docId, Stages stages, Deadline deadline)
      throws ExtractionException {
    long t0 = System.nanoTime();
    ExtractedText raw = extractor.extract(file, bytes);
    // OCR has its own bound per page: its time does not count against the rest of the pipeline
    deadline = deadline.extendedBy(raw.ocr().took());
    deadline.check("extraction");
    long t1 = System.nanoTime();
    TextCleaner.Cleaned cleaned = cleaner.cleanPaged(raw.text());
    String text = cleaned.text();
    // a PDF or OFD has pages (form feeds between them); other files' page breaks are not recorded
    List<Integer> pageStarts = paginated(raw) ? cleaned.pageStarts() : List.of();
    long t2 = System.nanoTime();
    // OCR's share of extraction is told apart: Tesseract's time, not the parsers'
    long ocr = Math.min(t1 - t0, raw.ocr().took().toNanos());
    stages.took("extract", t1 - t0 - ocr);
    if (ocr > 0) stages.took("ocr", ocr);
    stages.took("clean", t2 - t1);
    deadline.check("cleaning");
    if (text.isBlank()) {
      if (raw.mediaType().contains("html")) throw ExtractionException.ofEmptyPage();
      throw new ExtractionException("no text left after cleaning");
    }
    if (text.length() > limits.maxChars()) {
      throw new ExtractionException(
          "text too long: " + text.length() + " characters (limit " + limits.maxChars() + ")");
    }
    List<Section> sections = splitter.split(docId, text);
    deadline.check("sectioning");
    if (sections.size() > limits.maxSections()) {
      throw new ExtractionException(
          "too many sections: " + sections.size() + " (limit " + limits.maxSections() + ")");
    }
    for (Section s : sections) {
      int lines = 1;
      for (int i = s.start(); i < s.end(); i++) if (text.charAt(i) == '\n') lines++;
      if (lines > limits.maxSectionLines()) {
        throw new ExtractionException(
            "a section of "
                + lines
                + " lines (limit "
                + limits.maxSectionLines()
                + "): "
                + s.heading());
      }
    }
    int firstHeading =
        sections.stream()
            .filter(s -> !s.path().equals(SectionSplitter.PREAMBLE_PATH))
            .mapToInt(Section::start)
            .findFirst()
            .orElse(text.length());
    DocumentMetadata meta = metadata.extract(text, text.substring(0, firstHeading), raw.metadata());
    if (raw.ocr().any()) meta = metadata.mendMisreadPlaces(meta);
    deadline.check("metadata");
    stages.took("split", System.nanoTime() - t2);
    return new DisclosureDocument(
        file.toString(),
        sha256,
        docId,
        meta.title(),
        meta.issuer(),
        meta.departmentType(),
        meta.kind(),
        meta.year(),
        meta.region(),
        sections,
        text,
        raw.metadata(),
        meta.decidedFrom(),
        raw.ocr(),
        pageStarts,
        meta.role(),
        meta.roleWhy(),
        listed(meta, raw.metadata().get("listEntries"), raw.metadata().get("sourceUrl")));
  }

  /**
   * The entries a page lists, kept as data: all of a list's, and of a portal's other pages those
   * that name a report (a journalist's to-do list for the next crawl); none of a report's page.
   */
  /**
   * The entry with its link made absolute against the address the page was saved from, when the
   * page records one and the link is relative; as written otherwise.
   */
  private static org.gongkai.model.ListedEntry resolved(
      org.gongkai.model.ListedEntry e, String base) {
    if (base == null || e.href().isEmpty() || e.href().matches("(?i)^[a-z][a-z0-9+.-]*:.*"))
      return e;
    try {
      String abs = java.net.URI.create(base).resolve(e.href().replace(" ", "%20")).toString();
      return new org.gongkai.model.ListedEntry(e.title(), e.date(), abs);
    } catch (IllegalArgumentException bad) {
      return e;
    }
  }

  private static List<org.gongkai.model.ListedEntry> listed(
      DocumentMetadata meta, String lines, String sourceUrl) {
    org.gongkai.model.PageRole role = meta.role();
    if (lines == null || lines.isBlank() || role == org.gongkai.model.PageRole.REPORT)
      return List.of();
    List<org.gongkai.model.ListedEntry> out = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String line : lines.split("\n")) {
      org.gongkai.model.ListedEntry e = org.gongkai.model.ListedEntry.decode(line);
      if (e == null) continue;
      org.gongkai.model.ListedEntry named =
          MetadataExtractor.named(resolved(e, sourceUrl), meta.region());
      if (role != org.gongkai.model.PageRole.LIST && !named.namesAReport()) continue;
      // a portal shows one entry in several blocks (最新, 通知公告, 预决算): once
      if (seen.add(e.title() + "\t" + e.href())) out.add(named);
    }
    return out;
  }

  /** A PDF or OFD, or a Word file that records its page breaks (form feeds in its text). */
  private static boolean paginated(ExtractedText raw) {
    return raw.mediaType().equals("application/pdf")
        || raw.mediaType().equals(TikaExtractor.OFD_TYPE)
        || raw.mediaType()
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml")
            && raw.text().indexOf('\f') >= 0;
  }

  public static String sha256(byte[] bytes) {
    return ContentHash.of(bytes);
  }
}
