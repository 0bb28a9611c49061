package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gongkai.TestSupport;
import org.gongkai.workspace.Databases;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upload from the browser over real HTTP, on H2 and PostgreSQL: an editor's files go into a private
 * collection they may edit, are indexed in the background by the pipeline of {@code index}, each
 * with its outcome; the upload's words are found by its collection's members only; another user
 * gets a 404 for the upload, and nobody may upload into a collection not theirs.
 */
class UploadHttpTest {

  @TempDir Path dir;

  static final String LEAK =
      String.join(
          "\n",
          "武汉市江岸区水务局2025年度部门决算",
          "第一部分 部门概况",
          "一、主要职责",
          "负责全区排水管网的巡查，推进暗涵清淤专项工作。",
          "第二部分 2025年度部门决算情况说明",
          "一、收入支出决算总体情况说明",
          "2025年度收入合计640.00万元，支出合计640.00万元。");

  static final String INSIDE =
      String.join(
          "\n",
          "武汉市江岸区园林局2025年度部门决算",
          "第一部分 部门概况",
          "一、主要职责",
          "负责全区绿地的养护，开展古树名木普查。",
          "第二部分 2025年度部门决算情况说明",
          "一、收入支出决算总体情况说明",
          "2025年度收入合计310.00万元，支出合计310.00万元。");

  /** A multipart body of {@code fields} and {@code files} (name → bytes), and its boundary. */
  static HttpRequest.BodyPublisher multipart(
      String boundary, Map<String, String> fields, Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (var f : fields.entrySet())
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    for (var f : files.entrySet()) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                  + f.getKey()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(f.getValue());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
  }

  static HttpResponse<String> upload(
      SignInHttpTest.Browser b, Map<String, String> fields, Map<String, byte[]> files)
      throws Exception {
    String boundary = "gongkaiBoundary7f3a";
    return b.http.send(
        HttpRequest.newBuilder(URI.create(b.portal.url("/upload")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(multipart(boundary, fields, files))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static byte[] zip(Map<String, byte[]> members) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (var m : members.entrySet()) {
        z.putNextEntry(new ZipEntry(m.getKey()));
        z.write(m.getValue());
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** The upload's JSON once it is done (asked every 200 ms, for a minute at most). */
  static JsonNode done(SignInHttpTest.Browser b, String path) throws Exception {
    for (int i = 0; i < 300; i++) {
      JsonNode n = new ObjectMapper().readTree(b.get("/api" + path).body());
      if (n.get("state").asText().equals("done")) return n;
      Thread.sleep(200);
    }
    throw new AssertionError(path + " not done in a minute");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anEditorUploadsIntoAPrivateCollectionAndOnlyItsMembersFindIt(String database)
      throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      w.keepUploadsIn(dir.resolve("uploads"));
      w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "command line");
      w.users().add("wang", Role.EDITOR, "battery staple".toCharArray(), null, "command line");
      w.users().add("li", Role.READER, "tr0ub4dor &3".toCharArray(), null, "command line");
      w.collections().create("desk", false, null, "command line");
      w.collections().share("desk", "chen", "editor", null, "command line");
      w.collections().share("desk", "li", "reader", null, "command line");
      Path formats = TestSupport.CORPUS.resolve("formats");
      try (TestPortal portal = TestPortal.serving(dir.resolve("p"), List.of(formats), w)) {
        // nobody signed in is sent to sign in
        SignInHttpTest.Browser nobody = new SignInHttpTest.Browser(portal);
        assertEquals(303, nobody.get("/upload").statusCode());

        int publicReports =
            new ObjectMapper().readTree(nobody.get("/api/documents").body()).get("total").asInt();
        assertEquals(5, publicReports);
        SignInHttpTest.Browser chen = new SignInHttpTest.Browser(portal);
        assertEquals(303, chen.signIn("chen", "correct horse").statusCode());
        String form = chen.get("/upload").body();
        assertTrue(form.contains("<option value=\"desk\">desk （不公开）</option>"), form);
        assertTrue(
            form.contains(
                "<p class=\"notes\">每次最多 500 个文件，单个文件不超过 100 MB，合计不超过 1,024 MB。"
                    + "压缩包会解开，其中每个文件计为一个。</p>"),
            form);
        assertTrue(form.contains("<a class=\"upload\" href=\"/upload\">上传</a>"), form);
        String token = chen.token("/upload");

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("江岸区水务局决算.txt", LEAK.getBytes(StandardCharsets.UTF_8));
        // a public report's very bytes: a document of the collection's own, that neither hides the
        // public report nor says it exists
        files.put("公开的.html", Files.readAllBytes(formats.resolve("004_37d039dcb8ad6afc.html")));
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("材料/园林局决算.txt", INSIDE.getBytes(StandardCharsets.UTF_8));
        members.put("材料/说明.bin", new byte[] {1, 2, 3});
        files.put("园林局材料.zip", zip(members));
        files.put("../../逃出.txt", "不应写到上传文件夹之外".getBytes(StandardCharsets.UTF_8));

        // no token, no upload
        assertEquals(403, upload(chen, Map.of("collection", "desk"), files).statusCode());
        HttpResponse<String> sent =
            upload(chen, Map.of("_csrf", token, "collection", "desk"), files);
        assertEquals(303, sent.statusCode(), sent.body());
        String at = sent.headers().firstValue("Location").orElseThrow();
        assertTrue(at.matches("/upload/\\d+"), at);
        JsonNode up = done(chen, at);
        List<String> outcomes = new ArrayList<>();
        for (JsonNode f : up.get("files"))
          outcomes.add(f.get("name").asText() + " " + f.get("outcome").asText());
        assertEquals(
            List.of(
                "江岸区水务局决算.txt indexed",
                "公开的.html indexed",
                "园林局材料.zip/材料/园林局决算.txt indexed",
                "园林局材料.zip/材料/说明.bin skipped",
                "../../逃出.txt indexed"),
            outcomes);
        assertEquals("desk", up.get("collection").asText());
        assertEquals("chen", up.get("user").asText());
        // every kept file is inside the uploads folder
        try (var kept = Files.walk(dir.resolve("uploads"))) {
          assertTrue(
              kept.allMatch(p -> p.normalize().startsWith(dir.resolve("uploads"))),
              "a file kept outside the uploads folder");
        }
        assertTrue(!Files.exists(dir.resolve("逃出.txt")));

        // the page: each file's outcome, the indexed ones linked
        String page = chen.get(at).body();
        assertTrue(page.contains("<span>集合“desk”：已完成</span>"), page);
        assertTrue(page.contains("<p class=\"summary\">已编入索引 4 · 不支持的文件类型 1</p>"), page);
        assertTrue(page.contains("<td>园林局材料.zip/材料/说明.bin</td>"), page);

        // its words: found by the collection's members, by nobody else
        String word = "/search?q=" + java.net.URLEncoder.encode("暗涵清淤", StandardCharsets.UTF_8);
        assertTrue(chen.get(word).body().contains("共 1 个章节"), chen.get(word).body());
        SignInHttpTest.Browser li = new SignInHttpTest.Browser(portal);
        assertEquals(303, li.signIn("li", "tr0ub4dor &3").statusCode());
        assertTrue(li.get(word).body().contains("共 1 个章节"));
        SignInHttpTest.Browser wang = new SignInHttpTest.Browser(portal);
        assertEquals(303, wang.signIn("wang", "battery staple").statusCode());
        assertTrue(!wang.get(word).body().contains("共 1 个章节"));
        assertTrue(!nobody.get(word).body().contains("共 1 个章节"));
        // the public report stays everyone's: nobody still sees every public report, and only them
        assertEquals(
            publicReports,
            new ObjectMapper().readTree(nobody.get("/api/documents").body()).get("total").asInt());
        assertEquals(
            publicReports + 4,
            new ObjectMapper().readTree(chen.get("/api/documents").body()).get("total").asInt());
        // one upload, one moment: its four reports newest, each dated alike, listed by id — never
        // in the order its workers happened to finish them
        JsonNode newest =
            new ObjectMapper()
                .readTree(chen.get("/api/documents?sort=indexed&size=4").body())
                .get("documents");
        List<String> ids = new ArrayList<>(), dates = new ArrayList<>();
        for (JsonNode d : newest) {
          ids.add(d.get("docId").asText());
          dates.add(d.get("indexedAt").asText());
        }
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(1, new java.util.HashSet<>(dates).size(), dates.toString());
        assertTrue(dates.get(0).compareTo("2026-01-15T08:00:00Z") > 0, dates.toString());

        // the upload is its uploader's: a 404 to another user, and to a reader of the collection
        assertEquals(404, wang.get(at).statusCode());
        assertEquals(404, wang.get("/api" + at).statusCode());
        assertEquals(404, li.get(at).statusCode());
        // nobody uploads into a collection not theirs as editor, whether it exists or not
        String wangToken = wang.token("/upload");
        assertTrue(wang.get("/upload").body().contains("没有你可以添加文件的集合"));
        HttpResponse<String> refused =
            upload(wang, Map.of("_csrf", wangToken, "collection", "desk"), files);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("没有你可以添加文件的集合“desk”。"), refused.body());
        assertEquals(
            400,
            upload(wang, Map.of("_csrf", wangToken, "collection", "无此集合"), files).statusCode());
        // the audit log has the upload
        assertTrue(
            w.audit().newest(10, 0).stream()
                .anyMatch(e -> e.action().equals("upload") && e.actor().equals("chen")));
      }
    }
  }

  /** {@code size} bytes of spaces, made as they are read (a file too large to hold in memory). */
  static java.io.InputStream spaces(long size) {
    return new java.io.InputStream() {
      long left = size;

      @Override
      public int read() {
        if (left == 0) return -1;
        left--;
        return ' ';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) return -1;
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) ' ');
        left -= n;
        return n;
      }
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2"})
  void oneFileOverTheLimitFailsAloneWithItsReason(String database) throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      w.keepUploadsIn(dir.resolve("uploads"));
      w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "command line");
      w.collections().create("desk", false, null, "command line");
      w.collections().share("desk", "chen", "editor", null, "command line");
      try (TestPortal portal =
          TestPortal.serving(dir.resolve("p"), List.of(TestSupport.CORPUS.resolve("formats")), w)) {
        SignInHttpTest.Browser chen = new SignInHttpTest.Browser(portal);
        assertEquals(303, chen.signIn("chen", "correct horse").statusCode());
        String boundary = "gongkaiBoundary7f3a";
        byte[] head =
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                    + chen.token("/upload")
                    + "\r\n--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"collection\"\r\n\r\ndesk\r\n--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"水务局决算.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n"
                    + LEAK
                    + "\r\n--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"扫描件.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long over = (100L << 20) + 1; // a byte past 100 MB
        HttpResponse<String> sent =
            chen.http.send(
                HttpRequest.newBuilder(URI.create(portal.url("/upload")))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(
                        HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(
                                () ->
                                    new java.io.SequenceInputStream(
                                        java.util.Collections.enumeration(
                                            List.of(
                                                new java.io.ByteArrayInputStream(head),
                                                spaces(over),
                                                new java.io.ByteArrayInputStream(tail))))),
                            head.length + over + tail.length))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        // the upload goes on: the file over the limit fails alone, said why, in the page's words
        assertEquals(303, sent.statusCode(), sent.body());
        String at = sent.headers().firstValue("Location").orElseThrow();
        JsonNode up = done(chen, at);
        assertEquals("indexed", up.get("files").get(0).get("outcome").asText());
        assertEquals("failed", up.get("files").get(1).get("outcome").asText());
        assertEquals("larger than 100 MB", up.get("files").get(1).get("detail").asText());
        assertTrue(
            chen.get(at).body().contains("<span>失败</span><small>超过 100 MB 的上限</small>"),
            chen.get(at).body());
      }
    }
  }
}
