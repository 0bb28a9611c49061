package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;

/**
 * A folder walk picks up WPS ({@code .wps}, {@code .et}) and OFD files; one that cannot be read is
 * reported by name with its reason, and the others are indexed.
 */
class FormatsIndexingTest {

  @TempDir Path dir;

  static final Path FIXTURES = Path.of("src/test/resources/fixtures/formats");

  @Test
  void wpsEtAndOfdFilesAreIndexedAndABadOneIsReported() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.copy(FIXTURES.resolve("merged-cells.doc"), files.resolve("决算.wps"));
    Files.copy(FIXTURES.resolve("merged-cells.xls"), files.resolve("决算表.et"));
    try (OFDDoc doc = new OFDDoc(files.resolve("决算.ofd"))) {
      doc.add(new Paragraph("隆德县财政局2024年度部门预算", 4d));
      doc.add(new Paragraph("2024年度收入预算1,020.00万元。", 4d));
    }
    Files.write(files.resolve("旧版.wps"), "WPS\u0000\u0001 an older Kingsoft format".getBytes());

    IndexStore store = IndexStore.openForWriting(dir.resolve("index"));
    IngestReport report =
        TestSupport.indexer().run(store, List.of(files), false, Indexer.Progress.NONE);
    assertEquals(3, report.indexed());
    List<String> failures = new ArrayList<>();
    for (var f : report.failures())
      failures.add(f.file().replace(dir.toString() + "/", "") + ": " + f.reason());
    assertEquals(
        List.of(
            "files/旧版.wps: a WPS document not in Word's format (an older Kingsoft WPS or a"
                + " Microsoft Works file): save it from WPS Office as .docx or .pdf"),
        failures);
    TreeMap<String, String> titles = new TreeMap<>();
    for (IndexedFile f : store.files().values()) {
      String name = Path.of(f.path()).getFileName().toString();
      titles.put(name, store.document(f.docId()).orElseThrow().title());
    }
    assertEquals(
        new TreeMap<>(
            java.util.Map.of(
                "决算.wps", "西吉县农业农村局2023年度部门决算",
                "决算表.et", "西吉县农业农村局2023年度部门决算",
                "决算.ofd", "隆德县财政局2024年度部门预算")),
        titles);
  }
}
