package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.bench.Scans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents and hits read by OCR are marked so in the pages and the API. */
class OcrHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();
  static String scanId;

  @BeforeAll
  static void serve() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Path scan = files.resolve("scan.pdf");
    Files.write(
        scan,
        Scans.allScanned(
            TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf"), 1, 3, 300));
    Files.copy(
        TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"), files.resolve("text.txt"));
    scanId = org.gongkai.index.ContentHash.of(scan).substring(0, 16);
    served = TestPortal.start(dir, List.of(files));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(served.url(path))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void hitsFromTheScanAreMarkedOcrAndHitsFromTextAreNot() throws Exception {
    JsonNode r =
        json.readTree(
            get("/api/search?q=" + URLEncoder.encode("\"部门主要职责\"", StandardCharsets.UTF_8)).body());
    List<String> hits = new ArrayList<>();
    for (JsonNode h : r.get("hits"))
      hits.add(h.get("docId").asText().equals(scanId) + ":" + h.get("ocr").asBoolean());
    assertEquals(List.of("false:false", "true:true"), hits.stream().sorted().toList());
    String page = get("/search?q=" + URLEncoder.encode("部门主要职责", StandardCharsets.UTF_8)).body();
    assertEquals(1, page.split("<span class=\"ocr\"", -1).length - 1);
  }

  @Test
  void theDocumentSaysWhichPagesWereReadByOcr() throws Exception {
    JsonNode d = json.readTree(get("/api/documents/" + scanId).body());
    assertTrue(d.get("ocr").asBoolean());
    assertEquals("[1,2,3]", d.get("ocrPages").toString());
    assertEquals(3, d.get("pageCount").asInt());
    String section = d.get("sections").get(1).get("id").asText();
    assertTrue(json.readTree(get("/api/sections/" + section).body()).get("ocr").asBoolean());
    String note = "扫描件：原件第 1–3 页（共 3 页）的文字由OCR识别，可能有误字，引用前请核对原件。";
    assertTrue(get("/d/" + scanId).body().contains(note));
    assertTrue(get("/s/" + section).body().contains(note));
    // the citation a journalist copies says so too
    String citation = get("/s/" + section).body();
    citation = citation.substring(citation.indexOf("<textarea id=\"citation\""));
    citation = citation.substring(0, citation.indexOf("</textarea>"));
    assertTrue(citation.endsWith("本节文字经 OCR 识别，数字可能有误，请以原件为准。"), citation);
    assertTrue(
        get("/d/" + scanId + "?lang=en")
            .body()
            .contains("Scanned: the text of pages 1–3 (of 3) of the original was read by OCR"));
  }
}
