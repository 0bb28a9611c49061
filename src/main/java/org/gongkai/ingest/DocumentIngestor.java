package org.gongkai.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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
  public static final int PIPELINE_VERSION = 2;

  /** Hex digits of the SHA-256 kept in the document id. */
  public static final int DOC_ID_LENGTH = 16;

  private final TikaExtractor extractor;
  private final TextCleaner cleaner;
  private final SectionSplitter splitter;
  private final MetadataExtractor metadata;

  public DocumentIngestor(TikaExtractor extractor, TextCleaner cleaner, SectionSplitter splitter, MetadataExtractor metadata) {
    this.extractor = extractor;
    this.cleaner = cleaner;
    this.splitter = splitter;
    this.metadata = metadata;
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

  /** Ingests bytes already read and hashed ({@link #read}, {@link #sha256(byte[])}): a file is read once. */
  public DisclosureDocument ingest(Path file, byte[] bytes, String sha256, Stages stages) throws ExtractionException {
    long t0 = System.nanoTime();
    ExtractedText raw = extractor.extract(file, bytes);
    long t1 = System.nanoTime();
    String text = cleaner.clean(raw.text());
    long t2 = System.nanoTime();
    stages.took("extract", t1 - t0);
    stages.took("clean", t2 - t1);
    if (text.isBlank()) throw new ExtractionException("no text left after cleaning");
    String docId = sha256.substring(0, DOC_ID_LENGTH);
    List<Section> sections = splitter.split(docId, text);
    int firstHeading = sections.stream()
        .filter(s -> !s.path().equals(SectionSplitter.PREAMBLE_PATH)).mapToInt(Section::start).findFirst().orElse(text.length());
    DocumentMetadata meta = metadata.extract(text, text.substring(0, firstHeading), raw.metadata());
    stages.took("split", System.nanoTime() - t2);
    return new DisclosureDocument(file.toString(), sha256, docId, meta.title(), meta.issuer(), meta.departmentType(),
        meta.kind(), meta.year(), meta.region(), sections, text, raw.metadata(), meta.decidedFrom());
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
