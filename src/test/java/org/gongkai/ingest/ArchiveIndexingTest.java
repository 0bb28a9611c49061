package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.gongkai.TestSupport;
import org.gongkai.config.ExtractConfig;
import org.gongkai.extract.Archives;
import org.gongkai.extract.ExtractionException;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives of reports: each member is its own document with a file record {@code a.zip!/dir/m.pdf},
 * names from Windows zips (GBK, unmarked) read right, archives inside archives to depth 2, the size
 * limits kept, and re-indexing incremental per member.
 */
class ArchiveIndexingTest {

  @TempDir Path dir;

  static final Path PDF = TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf");
  static final Path DOCX = TestSupport.CORPUS.resolve("formats/001_867eb05ee1b92696.docx");
  static final Path TXT = TestSupport.CORPUS.resolve("seeds/002_38d7936824a76ef2.txt");
  static final Path HTML = TestSupport.CORPUS.resolve("formats/004_37d039dcb8ad6afc.html");

  /** A zip as Windows writes it: names in GBK, the UTF-8 flag not set. */
  static byte[] windowsZip(Map<String, byte[]> members) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      zip.setEncoding("GBK");
      zip.setUseLanguageEncodingFlag(false);
      zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
      for (var m : members.entrySet()) {
        zip.putArchiveEntry(new ZipArchiveEntry(m.getKey()));
        zip.write(m.getValue());
        zip.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] sevenZ(Map<String, byte[]> members, Path where) throws IOException {
    try (SevenZOutputFile seven = new SevenZOutputFile(where.toFile())) {
      for (var m : members.entrySet()) {
        var e = seven.createArchiveEntry(where.toFile(), m.getKey());
        e.setDirectory(false);
        seven.putArchiveEntry(e);
        seven.write(m.getValue());
        seven.closeArchiveEntry();
      }
    }
    byte[] bytes = Files.readAllBytes(where);
    Files.delete(where);
    return bytes;
  }

  private Map<String, String> records(IndexStore store) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (IndexedFile f : store.files().values())
      out.put(Path.of(f.path().replace(dir.toAbsolutePath() + "/", "")).toString(), f.docId());
    return out;
  }

  @Test
  void eachMemberIsADocumentAndReindexingIsPerMember() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Map<String, byte[]> inner = new LinkedHashMap<>();
    inner.put("网页版.html", Files.readAllBytes(HTML));
    inner.put("更深.zip", windowsZip(Map.of("最深.txt", Files.readAllBytes(TXT))));
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put("2024年/汉阳区总工会决算.pdf", Files.readAllBytes(PDF));
    outer.put("2024年/说明.docx", Files.readAllBytes(DOCX));
    outer.put("附件.zip", windowsZip(inner));
    byte[] binary = new byte[4096];
    new java.util.Random(1).nextBytes(binary);
    outer.put("坏文件.pdf", binary);
    Path zip = files.resolve("决算公开.zip");
    Files.write(zip, windowsZip(outer));

    IndexStore store = IndexStore.openForWriting(dir.resolve("index"));
    Indexer indexer = TestSupport.indexer();
    IngestReport first = indexer.run(store, List.of(files), false, Indexer.Progress.NONE);
    assertEquals(3, first.indexed());
    String z = "files/决算公开.zip!/";
    assertEquals(
        List.of( // in the archive's order
            z
                + "附件.zip!/更深.zip: archive nested too deep: archives inside archives are"
                + " opened 2 levels deep",
            z + "坏文件.pdf: not a real PDF file: its content is unrecognised binary data"),
        failures(first));
    assertEquals(
        List.of(z + "2024年/汉阳区总工会决算.pdf", z + "2024年/说明.docx", z + "附件.zip!/网页版.html"),
        List.copyOf(records(store).keySet()));
    String pdfDoc = records(store).get(z + "2024年/汉阳区总工会决算.pdf");
    assertEquals("52bbe3626a4811c6", pdfDoc); // the same id as the PDF on its own
    assertEquals(
        List.of(dir.toAbsolutePath() + "/" + z + "2024年/汉阳区总工会决算.pdf"),
        store.document(pdfDoc).orElseThrow().files());

    // the original is served from inside the archive
    var reading =
        new org.gongkai.search.ReadingService(store, TestSupport.wiring().searchService(store));
    store.refresh();
    var pdfDocument = store.document(pdfDoc).orElseThrow();
    var original = reading.original(pdfDocument).orElseThrow();
    assertEquals("汉阳区总工会决算.pdf", original.name());
    assertArrayEquals(Files.readAllBytes(PDF), original.open().readAllBytes());
    // asked again, it is the member kept from the first time
    assertArrayEquals(
        Files.readAllBytes(PDF), reading.original(pdfDocument).orElseThrow().open().readAllBytes());

    // unchanged: nothing read again
    IngestReport again = indexer.run(store, List.of(files), false, Indexer.Progress.NONE);
    assertEquals(0, again.indexed());
    assertEquals(3, again.unchanged());

    // one member replaced, one gone: only that member is read, the gone one leaves the index
    outer.remove("2024年/说明.docx");
    outer.put("2024年/汉阳区总工会决算.pdf", Files.readAllBytes(TXT));
    Files.write(zip, windowsZip(outer));
    // the member kept is not served once its archive holds other bytes under that name
    assertEquals(java.util.Optional.empty(), reading.original(pdfDocument));
    IngestReport changed = indexer.run(store, List.of(files), false, Indexer.Progress.NONE);
    assertEquals(1, changed.indexed());
    assertEquals(1, changed.unchanged());
    assertEquals(
        List.of(z + "2024年/汉阳区总工会决算.pdf", z + "附件.zip!/网页版.html"),
        List.copyOf(records(store).keySet()));
    assertEquals(2, store.documentCount());
    store.close();
  }

  private List<String> failures(IngestReport r) {
    List<String> out = new ArrayList<>();
    for (var f : r.failures())
      out.add(f.file().replace(dir.toString() + "/", "") + ": " + f.reason());
    return out;
  }

  @Test
  void sevenZipMembersAreRead() throws Exception {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("报告/决算.pdf", Files.readAllBytes(PDF));
    members.put("报告/网页.html", Files.readAllBytes(HTML));
    byte[] seven = sevenZ(members, dir.resolve("tmp.7z"));
    List<String> read = new ArrayList<>();
    new Archives(ExtractConfig.defaults())
        .read("reports.7z", seven, m -> read.add(m.path() + " " + m.bytes().length));
    assertEquals(List.of("报告/决算.pdf " + Files.size(PDF), "报告/网页.html " + Files.size(HTML)), read);
  }

  @Test
  void rarMembersWithGbkNamesAreRead() throws Exception {
    byte[] rar = Rar4.stored(Map.of("汉阳区/决算说明.txt", Files.readAllBytes(TXT)));
    List<String> read = new ArrayList<>();
    new Archives(ExtractConfig.defaults())
        .read("reports.rar", rar, m -> read.add(m.path() + " " + m.bytes().length));
    assertEquals(List.of("汉阳区/决算说明.txt " + Files.size(TXT)), read);
  }

  @Test
  void zipBombsAreRefusedByTheSizeLimits() throws Exception {
    ExtractConfig small =
        new ExtractConfig(1 << 20, 1_000_000, ExtractConfig.DEFAULT_PARSE_TIMEOUT, 2, 100);
    Map<String, byte[]> big = new LinkedHashMap<>();
    big.put("one.txt", new byte[(1 << 20) + 1]); // over the file-size limit once unpacked
    List<String> read = new ArrayList<>();
    new Archives(small)
        .read("a.zip", windowsZip(big), m -> read.add(m.path() + ": " + m.failure()));
    assertEquals(List.of("one.txt: file too large: more than 1 MB unpacked (limit 1 MB)"), read);

    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) many.put("part" + i + ".txt", new byte[1 << 20]);
    ExtractionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExtractionException.class,
            () -> new Archives(small).read("b.zip", windowsZip(many), m -> {}));
    assertEquals("refused: the archive unpacks to more than 10 MB (a zip bomb?)", e.getMessage());
  }

  /** A zip of the given names in order, each holding its own name (a name may repeat). */
  static byte[] zipOf(List<String> names) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      for (String n : names) {
        zip.putArchiveEntry(new ZipArchiveEntry(n));
        zip.write(n.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void theMemberLimitHoldsForAnArchiveAndTheArchivesInsideIt() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) names.add("m" + i + ".txt");
    Map<String, byte[]> outer = new LinkedHashMap<>();
    for (String inner : List.of("a.zip", "b.zip", "c.zip")) outer.put(inner, zipOf(names));
    List<String> failed = new ArrayList<>();
    int[] read = {0};
    new Archives(ExtractConfig.defaults())
        .read(
            "outer.zip",
            windowsZip(outer),
            m -> {
              if (m.bytes() != null) read[0]++;
              else failed.add(m.path() + ": " + m.failure());
            });
    // three inner zips of 4,000 were 12,000 documents before: now 8,000, and the third refused
    assertEquals(8_000, read[0]);
    assertEquals(
        List.of(
            "c.zip: refused: the archive declares 4000 files; with the 8003 read before it, that"
                + " is more than the 10000 an archive may hold in all, archives inside it counted"
                + " (a zip bomb?)"),
        failed);
  }

  @Test
  void aZipDeclaringMoreFilesThanTheLimitIsRefusedBeforeItsEntriesAreBuilt() throws Exception {
    byte[] zip = zipOf(List.of("a.txt", "b.txt"));
    // a central-directory bomb declares millions of entries: here 60,000 in the record's count
    int eocd = zip.length - 22;
    zip[eocd + 8] = zip[eocd + 10] = (byte) (60_000 & 0xFF);
    zip[eocd + 9] = zip[eocd + 11] = (byte) (60_000 >> 8);
    ExtractionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExtractionException.class,
            () -> new Archives(ExtractConfig.defaults()).read("bomb.zip", zip, m -> {}));
    assertEquals(
        "refused: the archive declares 60000 files, more than the 10000 an archive may hold in"
            + " all, archives inside it counted (a zip bomb?)",
        e.getMessage());
  }

  @Test
  void aMemberIsUnpackedAloneTheOthersPassedOverUnread() throws Exception {
    ExtractConfig small =
        new ExtractConfig(1 << 20, 1_000_000, ExtractConfig.DEFAULT_PARSE_TIMEOUT, 2, 100);
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) many.put("part" + i + ".txt", new byte[1 << 20]);
    many.put("wanted.txt", "要的那一份".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] zip = windowsZip(many);
    // read whole, it unpacks past the limits; asked for one member, nothing else is unpacked
    org.junit.jupiter.api.Assertions.assertThrows(
        ExtractionException.class, () -> new Archives(small).read("b.zip", zip, m -> {}));
    assertEquals(
        "要的那一份",
        new String(
            new Archives(small).member("b.zip", zip, "wanted.txt"),
            java.nio.charset.StandardCharsets.UTF_8));
    // and inside an inner archive
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put("first.txt", new byte[1 << 20]);
    outer.put("inner.zip", zip);
    assertEquals(
        "要的那一份",
        new String(
            new Archives(small).member("o.zip", windowsZip(outer), "inner.zip!/wanted.txt"),
            java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aSevenZipAskingForAHugeDictionaryIsRefusedNotUnpacked() throws Exception {
    Path file = dir.resolve("huge-dictionary.7z");
    try (SevenZOutputFile seven = new SevenZOutputFile(file.toFile())) {
      seven.setContentMethods(
          List.of(
              new org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration(
                  org.apache.commons.compress.archivers.sevenz.SevenZMethod.LZMA2, 96 << 20)));
      var entry = seven.createArchiveEntry(TXT.toFile(), "report.txt");
      seven.putArchiveEntry(entry);
      seven.write(Files.readAllBytes(TXT));
      seven.closeArchiveEntry();
    }
    List<String> read = new ArrayList<>();
    try {
      new Archives(ExtractConfig.defaults())
          .read("huge-dictionary.7z", Files.readAllBytes(file), m -> read.add(m.path()));
      org.junit.jupiter.api.Assertions.fail("read " + read);
    } catch (ExtractionException e) {
      assertEquals(
          "refused: the 7z archive asks for 98,408 KiB of memory to unpack, more than the 65,536"
              + " KiB allowed (a decompression bomb?)",
          e.getMessage());
    }
  }

  @Test
  void twoMembersOfOneNameAreTwoFilesInTheArchivesOrder() throws Exception {
    Map<String, String> read = new LinkedHashMap<>();
    byte[] zip = zipOf(List.of("决算/报告.txt", "决算/报告.txt", "说明", "说明"));
    Archives archives = new Archives(ExtractConfig.defaults());
    archives.read(
        "twice.zip",
        zip,
        m -> read.put(m.path(), new String(m.bytes(), java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(List.of("决算/报告.txt", "决算/报告 (2).txt", "说明", "说明 (2)"), List.copyOf(read.keySet()));
    // each can be downloaded again by its path
    assertEquals(
        "决算/报告.txt",
        new String(
            archives.member("twice.zip", zip, "决算/报告 (2).txt"),
            java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void namesOfUnknownEncodingAreReadAsUtf8ThenGbk() {
    assertEquals("说明.pdf", Archives.decodeName("说明.pdf".getBytes(Charset.forName("GBK"))));
    assertEquals(
        "说明.pdf", Archives.decodeName("说明.pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
