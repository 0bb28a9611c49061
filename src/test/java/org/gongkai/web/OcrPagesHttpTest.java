package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gongkai.TestSupport;
import org.gongkai.bench.Scans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a PDF scanned only in part, a hit is marked OCR only when the page holding it was read by OCR:
 * pages 1–3 of the bundled 汉阳区 report, page 2 scanned.
 */
class OcrPagesHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.write(
        files.resolve("mixed.pdf"),
        Scans.of(
            TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf"), 1, 3, Set.of(2), 300));
    served = TestPortal.start(dir, List.of(files));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  static String hit(String phrase) throws Exception {
    String body =
        served
            .get("/api/search?q=" + URLEncoder.encode("\"" + phrase + "\"", StandardCharsets.UTF_8))
            .body();
    JsonNode h = json.readTree(body).get("hits").get(0);
    return "page " + h.get("page").asInt() + " ocr " + h.get("ocr").asBoolean();
  }

  @Test
  void onlyHitsOnTheScannedPageAreMarkedOcr() throws Exception {
    assertEquals("page 1 ocr false", hit("部门主要职责"));
    assertEquals("page 2 ocr true", hit("核心价值观教育"));
    assertEquals("page 3 ocr false", hit("收入决算情况说明"));
  }
}
