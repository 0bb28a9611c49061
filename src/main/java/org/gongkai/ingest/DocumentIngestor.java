package org.gongkai.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.gongkai.config.IngestLimits;
import org.gongkai.extract.ExtractionException;
import org.gongkai.extract.TikaExtractor;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.ExtractedText;
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
  public static final int PIPELINE_VERSION =
      3; // 3: flags stored as codes and arguments, not sentences

  /** Hex digits of the SHA-256 kept in the document id. */
  public static final int DOC_ID_LENGTH = 16;

  private final TikaExtractor extractor;
  private final TextCleaner cleaner;
  private final SectionSplitter splitter;
  private final MetadataExtractor metadata;
  private final IngestLimits limits;

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

  /** The ingested document; an unreadable file throws with the reason. */
  public DisclosureDocument ingest(Path file) throws ExtractionException {
    return ingest(file, Stages.NONE);
  }

  /** The same, reporting the time of each stage ({@code extract}, {@code clean}, {@code split}). */
  public DisclosureDocument ingest(Path file, Stages stages) throws ExtractionException {
    byte[] bytes = read(file);
    return ingest(file, bytes, sha256(bytes), stages);
  }

  /** The file's bytes, read once (refused by size before reading when too large or empty). */
  public byte[] read(Path file) throws ExtractionException {
    return extractor.read(file);
  }

  /**
   * Ingests bytes already read and hashed ({@link #read}, {@link #sha256(byte[])}): a file is read
   * once.
   */
  public DisclosureDocument ingest(Path file, byte[] bytes, String sha256, Stages stages)
      throws ExtractionException {
    return ingest(file, bytes, sha256, stages, Deadline.in(limits.budget()));
  }

  /**
   * The same within a deadline for the whole pipeline of this file (the caller's later stages share
   * it).
   */
  public DisclosureDocument ingest(
      Path file, byte[] bytes, String sha256, Stages stages, Deadline deadline)
      throws ExtractionException {
    long t0 = System.nanoTime();
    ExtractedText raw = extractor.extract(file, bytes);
    deadline.check("extraction");
    long t1 = System.nanoTime();
    String text = cleaner.clean(raw.text());
    long t2 = System.nanoTime();
    stages.took("extract", t1 - t0);
    stages.took("clean", t2 - t1);
    deadline.check("cleaning");
    if (text.isBlank()) throw new ExtractionException("no text left after cleaning");
    if (text.length() > limits.maxChars()) {
      throw new ExtractionException(
          "text too long: " + text.length() + " characters (limit " + limits.maxChars() + ")");
    }
    String docId = sha256.substring(0, DOC_ID_LENGTH);
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
        meta.decidedFrom());
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(Path file) throws ExtractionException {
    try (var in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new ExtractionException("cannot read file: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
