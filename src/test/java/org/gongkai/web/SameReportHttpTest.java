package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.IngestReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same report in several formats is one document with several files: every bundled file (each
 * report as text, and as PDF, DOCX or HTML; one also in GBK) indexes as five documents. A 单位
 * version of a report (another issuer's name holding the first, part of the text) is related, not
 * merged.
 */
class SameReportHttpTest {

  static final String HANYANG = "52bbe3626a4811c6";
  static final String HANYANG_TEXT = "b1726a4ba7dd55ba"; // the seed .txt of the same report
  static final String ECHENG = "aa71aabe09c7bab1";

  @TempDir static Path dir;
  static IndexStore store;
  static Portal portal;
  static IngestReport first;
  static String unitVersion;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    // a 单位 version of the 汉阳区 report: the unit's own name, four fifths of the text
    Path unit = Files.createDirectories(dir.resolve("unit"));
    String seed = Files.readString(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"));
    String cut = seed.replace("武汉市汉阳区总工会", "武汉市汉阳区总工会机关");
    Files.writeString(unit.resolve("unit.txt"), cut.substring(0, cut.length() * 4 / 5));
    List<Path> files = new ArrayList<>(TestSupport.corpusFiles());
    files.add(unit);
    store = IndexStore.openForWriting(dir.resolve("index"));
    first = TestSupport.indexer().run(store, files, false, Indexer.Progress.NONE);
    for (String id : store.documentIds())
      if (!List.of(HANYANG, ECHENG, "d42c6830081dfa35", "e3eabb74bdb7bdb4", "7c47e9c7f99b77e3")
          .contains(id)) unitVersion = id;
    portal = TestSupport.portal(new ServeConfig(dir.resolve("index"), 0, null), store).start();
  }

  @AfterAll
  static void stop() throws Exception {
    portal.close();
    store.close();
  }

  record Response(int status, String location, String body, byte[] bytes) {}

  static Response get(String path) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + portal.port() + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Response(
        r.statusCode(),
        r.headers().firstValue("Location").orElse(null),
        new String(r.body(), StandardCharsets.UTF_8),
        r.body());
  }

  @Test
  void elevenFilesOfFiveReportsAndAUnitVersionAreSixDocuments() throws Exception {
    assertEquals(6, store.documentCount());
    assertEquals(6, first.indexed());
    assertEquals(6, first.duplicates(), "the other formats join their report");
    assertEquals(12, store.files().size());
    // the report's own file first, then its other formats
    assertEquals(
        List.of("000_988c7a9063883e3f.pdf", "000_988c7a9063883e3f.txt"),
        store.fileRefs(HANYANG, store.document(HANYANG).orElseThrow().sha256()).stream()
            .map(f -> f.name())
            .toList());
    assertEquals(
        List.of(
            "004_37d039dcb8ad6afc.html",
            "004_37d039dcb8ad6afc.gbk.txt",
            "004_37d039dcb8ad6afc.txt"),
        store.fileRefs(ECHENG, store.document(ECHENG).orElseThrow().sha256()).stream()
            .map(f -> f.name())
            .toList());
    // a search lists each section once
    JsonNode hits =
        json.readTree(
            get("/api/search?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22&size=100").body());
    // 23 in the five reports, as with one file each, and 5 in the unit version
    assertEquals(28, hits.path("total").asInt());
    JsonNode reports =
        json.readTree(get("/api/documents?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22").body());
    long inUnit = 0;
    for (JsonNode doc : reports.path("documents"))
      if (doc.path("docId").asText().equals(unitVersion)) inUnit = doc.path("matching").asLong();
    assertEquals(5, inUnit);
  }

  @Test
  void aSecondRunChangesNothing() throws Exception {
    IngestReport again =
        TestSupport.indexer()
            .run(
                store,
                List.of(
                    TestSupport.CORPUS.resolve("seeds"),
                    TestSupport.CORPUS.resolve("formats"),
                    TestSupport.CORPUS.resolve("variants"),
                    dir.resolve("unit")),
                false,
                Indexer.Progress.NONE);
    assertEquals(12, again.unchanged());
    assertEquals(0, again.indexed());
    assertEquals(6, store.documentCount());
  }

  @Test
  void everyFileDownloadsAndThePageShowsTheFormats() throws Exception {
    Response second = get("/d/" + HANYANG + "/file?n=2");
    assertEquals(200, second.status());
    assertArrayEquals(
        Files.readAllBytes(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt")),
        second.bytes());
    assertEquals(404, get("/d/" + HANYANG + "/file?n=3").status());
    Response page = get("/d/" + HANYANG);
    assertTrue(page.body().contains("同一份报告的几种格式，正文相同，合为一份。"), page.body());
    assertTrue(
        page.body()
            .contains(
                "<a href=\"/d/" + HANYANG + "/file?n=2\" download>000_988c7a9063883e3f.txt</a>"),
        page.body());
    JsonNode d = json.readTree(get("/api/documents/" + HANYANG).body());
    assertEquals(
        "[\"000_988c7a9063883e3f.pdf\",\"000_988c7a9063883e3f.txt\"]", d.path("files").toString());
    assertEquals("txt", d.path("downloads").get(1).path("format").asText());
  }

  @Test
  void permalinksOfAFormatThatJoinedAnotherLeadToIt() throws Exception {
    Response doc = get("/d/" + HANYANG_TEXT + "?q=x");
    assertEquals(301, doc.status());
    assertEquals("/d/" + HANYANG + "?q=x", doc.location());
    Response section = get("/s/" + HANYANG_TEXT + "-3.9.2");
    assertEquals(301, section.status());
    assertEquals("/s/" + HANYANG + "-3.9.2", section.location());
    assertEquals(404, get("/d/0123456789abcdef").status());
  }

  @Test
  void aUnitVersionIsRelatedNotMerged() throws Exception {
    JsonNode d = json.readTree(get("/api/documents/" + HANYANG).body());
    assertEquals(1, d.path("related").size(), d.toString());
    JsonNode r = d.path("related").get(0);
    assertEquals(unitVersion, r.path("docId").asText());
    assertEquals("武汉市汉阳区总工会", r.path("issuer").asText());
    double overlap = r.path("overlap").asDouble();
    assertTrue(overlap >= 0.5 && overlap < 0.95, "overlap " + overlap);
    Response page = get("/d/" + HANYANG);
    assertTrue(page.body().contains("<h2>相关报告</h2>"), page.body());
    assertTrue(page.body().contains("href=\"/d/" + unitVersion + "\""), page.body());
    // and the other way round
    JsonNode back = json.readTree(get("/api/documents/" + unitVersion).body());
    assertEquals(HANYANG, back.path("related").get(0).path("docId").asText());
  }

  @Test
  void relatedReportsAreComparedOnceNotOnEveryView() throws Exception {
    int[] texts = {0};
    org.gongkai.index.Records counting =
        (org.gongkai.index.Records)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {org.gongkai.index.Records.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("cleanText")) texts[0]++;
                  try {
                    return method.invoke(store, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    org.gongkai.search.ReadingService reading =
        new org.gongkai.search.ReadingService(counting, q -> null);
    org.gongkai.model.IndexedDocument hanyang = store.document(HANYANG).orElseThrow();
    org.gongkai.model.IndexedDocument unit = store.document(unitVersion).orElseThrow();
    assertEquals(
        List.of(unitVersion),
        reading.related(hanyang).stream().map(r -> r.document().docId()).toList());
    assertEquals(2, texts[0]); // the report's text and its candidate's
    for (int i = 0; i < 5; i++) reading.related(hanyang);
    assertEquals(
        List.of(HANYANG), reading.related(unit).stream().map(r -> r.document().docId()).toList());
    assertEquals(2, texts[0]); // a pair's overlap is kept, whichever side is viewed
  }
}
