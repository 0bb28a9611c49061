package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Set;
import org.gongkai.TestSupport;
import org.gongkai.index.ContentHash;
import org.gongkai.workspace.Databases;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No URL family leaks a private collection's report, counts and scores included. Two portals: one
 * without the collection, and one holding besides the public reports a report of a private
 * collection shared with one user, who leaves a shared note and a tag on it; the report's file is
 * then edited in place and indexed again by {@code index}. On both, an outsider (wang, an editor of
 * a collection of his own) uploads the very bytes of the private report, a text copy of a public
 * report and an edited copy of the private one, into his collection and the same bytes into a
 * public one. Every route the second portal's router lists is then asked — by nobody signed in, and
 * by the outsider — with the private report's ids and words and with public ones; each answer must
 * be the very answer of the first portal (a 404 where the report would be), scores included, once
 * the port, the time taken, the session's token and the upload folders' names are set aside. The
 * user it is shared with reads it.
 */
class PrivateCollectionsHttpTest {

  @TempDir static Path dir;
  static TestPortal open;
  static TestPortal withPrivate;
  static String privateId;
  static String firstId;
  static String privateSection;
  static String privateTable;

  /** The storage keys: fixed, so the outsider's own collection is the same on both portals. */
  static final String LEAK_KEY = "11111111111111111111111111111111";

  static final String WANG_KEY = "22222222222222222222222222222222";

  static final String REPORT =
      String.join(
          "\n",
          "武汉市江岸区档案局2024年度部门决算",
          "第一部分 部门概况",
          "一、主要职责",
          "负责全区档案的收集、保管和利用，推进涉密档案数字化专项工作。",
          "第二部分 2024年度部门决算情况说明",
          "一、收入支出决算总体情况说明",
          "2024年度收入合计880.00万元，支出合计880.00万元。",
          "二、“三公”经费支出决算情况说明",
          "2024年度“三公”经费支出决算为12.00万元，其中：公务接待费2.00万元。",
          "第三部分 决算报表",
          "表1 收入支出决算总表",
          "单位：万元",
          "项目\t决算数",
          "本年收入合计\t880.00",
          "本年支出合计\t880.00",
          "",
          "表5 项目支出预算表",
          "",
          "单位：万元",
          "",
          "单位名称\t项目名称\t金额",
          "武汉市江岸区档案局\t档案数字化外包服务\t45.00",
          "武汉市江岸区档案局\t库房安防改造\t35.00");

  /** The private report as edited in place (a figure corrected, a sentence added). */
  static final String EDITED =
      REPORT
          .replace("推进涉密档案数字化专项工作。", "推进涉密档案数字化专项工作，外包合同另册保管。")
          // a project of its own: only the edited file (private, and the outsider's own copy) has
          // it
          .replace("库房安防改造\t35.00", "库房安防改造\t35.00\n武汉市江岸区档案局\t载体销毁服务\t12.00");

  /** A workspace with the outsider and his own collection, and a public one he may add to. */
  static Workspace workspace() throws Exception {
    Workspace w = Databases.fresh("h2", dir);
    w.keepUploadsIn(Files.createTempDirectory(dir, "uploads"));
    w.users().add("wang", Role.EDITOR, "battery staple".toCharArray(), null, "test");
    // the same accounts on both portals: who exists is no secret of the collection's
    w.users().add("desk", Role.EDITOR, "correct horse".toCharArray(), null, "test");
    w.collections().create("王的材料", false, null, "test");
    Databases.sql(w, "UPDATE collections SET storage_key = '" + WANG_KEY + "' WHERE name = '王的材料'");
    w.collections().share("王的材料", "wang", "editor", null, "test");
    w.collections().create("公开材料", true, null, "test");
    w.collections().share("公开材料", "wang", "editor", null, "test");
    return w;
  }

  /** What the outsider does on a portal: his uploads, each waited for. */
  static void outsider(TestPortal portal) throws Exception {
    SignInHttpTest.Browser wang = new SignInHttpTest.Browser(portal);
    assertEquals(303, wang.signIn("wang", "battery staple").statusCode());
    Map<String, byte[]> mine = new LinkedHashMap<>();
    mine.put("线人张三提供.txt", REPORT.getBytes(StandardCharsets.UTF_8));
    mine.put(
        "洪江区总工会.txt",
        Files.readAllBytes(TestSupport.CORPUS.resolve("variants/004_37d039dcb8ad6afc.gbk.txt")));
    mine.put("改过的.txt", EDITED.getBytes(StandardCharsets.UTF_8));
    for (var upload :
        List.of(
            Map.entry("王的材料", mine),
            Map.entry("公开材料", Map.of("同样的字节.txt", REPORT.getBytes(StandardCharsets.UTF_8))))) {
      String token = wang.token("/upload");
      var sent =
          UploadHttpTest.upload(
              wang, Map.of("_csrf", token, "collection", upload.getKey()), upload.getValue());
      assertEquals(303, sent.statusCode(), sent.body());
      var done = UploadHttpTest.done(wang, sent.headers().firstValue("Location").orElseThrow());
      // each file his collection's own document: nothing said of what is held elsewhere
      for (var f : done.get("files"))
        assertEquals("indexed", f.get("outcome").asText(), done.toString());
    }
  }

  @BeforeAll
  static void serve() throws Exception {
    Path formats = TestSupport.CORPUS.resolve("formats");
    Path leak = Files.createDirectories(dir.resolve("leak"));
    Path file = leak.resolve("江岸区档案局决算.txt");
    Files.writeString(file, REPORT);
    firstId = org.gongkai.model.Domain.of(LEAK_KEY).docId(ContentHash.of(file));

    Workspace a = workspace();
    open = TestPortal.serving(dir.resolve("a"), List.of(formats), a);
    outsider(open);

    Workspace b = workspace();
    b.collections().create("leak", false, null, "test");
    Databases.sql(b, "UPDATE collections SET storage_key = '" + LEAK_KEY + "' WHERE name = 'leak'");
    b.collections().addFiles("leak", Set.of(ContentHash.of(file)), null, "test");
    b.collections().share("leak", "desk", "reader", null, "test");
    withPrivate = TestPortal.serving(dir.resolve("b"), List.of(formats), b);
    // the collection's report, in its own index, as collection add puts it there
    org.gongkai.index.CollectionIndexes.addRoots(dir.resolve("b/index"), LEAK_KEY, List.of(leak));
    TestSupport.indexInto(dir.resolve("b/index"), LEAK_KEY, List.of(leak)).close();

    // the desk reads it, and leaves a shared note and a tag on it
    SignInHttpTest.Browser desk = new SignInHttpTest.Browser(withPrivate);
    assertEquals(303, desk.signIn("desk", "correct horse").statusCode());
    assertEquals(200, desk.get("/d/" + firstId).statusCode());
    String section =
        new ObjectMapper()
            .readTree(desk.get("/api/documents/" + firstId).body())
            .get("sections")
            .get(1)
            .get("id")
            .asText();
    String token = desk.token("/s/" + section);
    assertEquals(
        303,
        desk.post(
                "/s/" + section + "/notes",
                Map.of("_csrf", token, "quote", "涉密档案", "body", "追问数字化外包", "visibility", "shared"))
            .statusCode());
    assertEquals(
        303,
        desk.post("/d/" + firstId + "/tags", Map.of("_csrf", token, "tag", "线索")).statusCode());

    // the file edited in place and the folders indexed again, as index runs: it stays private
    Files.writeString(file, EDITED);
    org.gongkai.ingest.IngestReport r;
    try (var writing = org.gongkai.index.IndexStore.openForWriting(dir.resolve("b/index"))) {
      r =
          TestSupport.indexer()
              .run(
                  writing,
                  List.of(formats, leak),
                  false,
                  org.gongkai.ingest.Indexer.Progress.NONE,
                  org.gongkai.ingest.Indexer.Domains.beside(dir.resolve("b/index")));
    }
    assertEquals(0, r.indexed());
    assertEquals(1, r.collections().get(LEAK_KEY).indexed());
    privateId = org.gongkai.model.Domain.of(LEAK_KEY).docId(ContentHash.of(file));
    var doc = new ObjectMapper().readTree(desk.get("/api/documents/" + privateId).body());
    privateSection = doc.get("sections").get(1).get("id").asText();
    var tables =
        new ObjectMapper().readTree(desk.get("/api/documents/" + privateId + "/tables").body());
    privateTable = tables.get("tables").get(0).get("csv").asText();

    outsider(withPrivate);
  }

  @AfterAll
  static void stop() throws Exception {
    if (open != null) open.close();
    if (withPrivate != null) withPrivate.close();
    // H2's lock watchdog writes its lock file again if the folder is removed under an open database
    if (open != null) open.workspace().close();
    if (withPrivate != null) withPrivate.workspace().close();
  }

  static final String HANYANG = "52bbe3626a4811c6";
  static final String RECEPTION = "%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85%E8%B4%B9";
  static final String SECRET = "%E6%B6%89%E5%AF%86%E6%A1%A3%E6%A1%88"; // 涉密档案

  /** 载体销毁服务: the private report's own project. */
  static final String DESTRUCTION =
      java.net.URLEncoder.encode("载体销毁服务", java.nio.charset.StandardCharsets.UTF_8);

  static final String ISSUER =
      "%E6%AD%A6%E6%B1%89%E5%B8%82%E6%B1%9F%E5%B2%B8%E5%8C%BA%E6%A1%A3%E6%A1%88%E5%B1%80";
  static final String HUBEI = "%E6%B9%96%E5%8C%97%E7%9C%81";

  /** The addresses each route is asked at: its private and public cases. */
  static Map<String, List<String>> samples() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("GET /", List.of("/", "/?lang=en"));
    m.put(
        "GET /search",
        List.of(
            "/search?q=" + SECRET,
            "/search?q=" + RECEPTION,
            "/search?q=" + RECEPTION + "&region=" + HUBEI,
            "/search?q=" + RECEPTION + "&group=doc",
            "/search?q=%E6%B6%89%E5%AF%86%E6%A1%A3%E5%AE%89"));
    m.put(
        "GET /api/search",
        List.of(
            "/api/search?q=" + SECRET, "/api/search?q=" + RECEPTION + "&size=100",
            "/api/search?q=" + RECEPTION + "&format=csv",
                "/api/search?q=" + RECEPTION + "&format=jsonl"));
    m.put(
        "GET /documents",
        List.of(
            "/documents",
            "/documents?q=" + SECRET,
            "/documents?region=" + HUBEI,
            "/documents?noted=1",
            "/documents?tag=%E7%BA%BF%E7%B4%A2"));
    m.put(
        "GET /api/documents",
        List.of(
            "/api/documents",
            "/api/documents?format=csv",
            "/api/documents?q=" + RECEPTION,
            "/api/documents?noted=1",
            "/api/documents?tag=%E7%BA%BF%E7%B4%A2"));
    m.put(
        "GET /api/documents/{docId}",
        List.of("/api/documents/" + privateId, "/api/documents/" + HANYANG));
    m.put(
        "GET /api/documents/{docId}/tables",
        List.of(
            "/api/documents/" + privateId + "/tables", "/api/documents/" + HANYANG + "/tables"));
    m.put(
        "GET /d/{docId}",
        List.of(
            "/d/" + privateId,
            "/d/" + firstId,
            "/d/" + privateId + "?q=" + SECRET,
            "/d/" + HANYANG));
    m.put("GET /d/{docId}/file", List.of("/d/" + privateId + "/file", "/d/" + HANYANG + "/file"));
    m.put(
        "GET /d/{docId}/page/{file}",
        List.of("/d/" + privateId + "/page/1.png", "/d/d42c6830081dfa35/page/1.png"));
    m.put(
        "GET /s/{id}",
        List.of("/s/" + privateSection, "/s/" + privateId + "-1", "/s/" + HANYANG + "-3.9.2"));
    m.put(
        "GET /api/sections/{id}",
        List.of("/api/sections/" + privateSection, "/api/sections/" + HANYANG + "-3.9.2"));
    m.put("GET /t/{file}", List.of(privateTable));
    m.put(
        "GET /indicators",
        List.of(
            "/indicators?name=three_public",
            "/indicators?name=income_total&region=" + HUBEI,
            "/indicators?name=reception&compare=budget",
            "/indicators?name=income_total&name=three_public",
            "/indicators",
            "/indicators?name=income_total&view=matrix"));
    m.put(
        "GET /api/indicators",
        List.of(
            "/api/indicators?name=income_total",
            "/api/indicators?name=three_public&format=csv",
            "/api/indicators?name=income_total&view=matrix",
            "/api/indicators?name=income_total&view=matrix&format=csv"));
    m.put(
        "GET /issuer",
        List.of(
            "/issuer?name=" + ISSUER,
            "/issuer?name=%E6%AD%A6%E6%B1%89%E5%B8%82%E6%B1%89%E9%98%B3%E5%8C%BA%E6%80%BB%E5%B7%A5%E4%BC%9A"));
    m.put("GET /api/issuer", List.of("/api/issuer?name=" + ISSUER));
    // the projects: the private report's own (载体销毁服务) and those a public copy states too
    m.put(
        "GET /projects",
        List.of(
            "/projects",
            "/projects?q=" + DESTRUCTION,
            "/projects?q=%E6%A1%A3%E6%A1%88",
            "/projects?region=" + HUBEI,
            "/projects?year=2024&sort=amount-asc"));
    m.put(
        "GET /api/projects",
        List.of(
            "/api/projects",
            "/api/projects?format=csv",
            "/api/projects?q=" + DESTRUCTION,
            "/api/projects?min=10&max=20"));
    m.put(
        "GET /p/{key}",
        List.of(
            "/p/" + DESTRUCTION,
            "/p/%E6%A1%A3%E6%A1%88%E6%95%B0%E5%AD%97%E5%8C%96%E5%A4%96%E5%8C%85%E6%9C%8D%E5%8A%A1"));
    m.put(
        "GET /api/p/{key}",
        List.of(
            "/api/p/" + DESTRUCTION,
            "/api/p/" + DESTRUCTION + "?format=csv",
            "/api/p/%E6%A1%A3%E6%A1%88%E6%95%B0%E5%AD%97%E5%8C%96%E5%A4%96%E5%8C%85%E6%9C%8D%E5%8A%A1"));
    m.put("GET /feed", List.of("/feed?q=" + RECEPTION, "/feed"));
    m.put("GET /batch", List.of("/batch"));
    m.put("GET /help", List.of("/help"));
    m.put("GET /favicon.ico", List.of("/favicon.ico"));
    m.put("GET /login", List.of("/login"));
    m.put("GET /saved", List.of("/saved"));
    m.put("GET /saved/{id}", List.of("/saved/1"));
    m.put("GET /feed/saved/{token}", List.of("/feed/saved/" + "a".repeat(32)));
    m.put("GET /starred", List.of("/starred"));
    m.put("GET /collections", List.of("/collections"));
    m.put(
        "GET /notes",
        List.of("/notes", "/notes?q=" + SECRET, "/notes?format=csv", "/notes?format=json"));
    m.put("GET /upload", List.of("/upload"));
    m.put("GET /upload/{id}", List.of("/upload/1"));
    m.put("GET /api/upload/{id}", List.of("/api/upload/1"));
    m.put("POST /upload", List.of("form:/upload"));
    m.put("GET /admin/audit", List.of("/admin/audit", "/admin/audit?format=csv"));
    m.put(
        "GET /documents/files",
        List.of(
            "/documents/files",
            "/documents/files?format=csv",
            "/documents/files?sort=kind&desc=1&role=report"));
    m.put("POST /api/batch", List.of("json:/api/batch"));
    m.put("POST /batch", List.of("form:/batch"));
    m.put("POST /d/{docId}/star", List.of("form:/d/" + privateId + "/star"));
    // what posts without a session's token is refused alike; what changes the caller's own data
    // names no document of anyone else
    m.put("POST /login", List.of("form:/login"));
    m.put("POST /logout", List.of("form:/logout"));
    m.put("POST /saved", List.of("form:/saved"));
    m.put("POST /collections", List.of("form:/collections"));
    m.put("POST /collections/{id}/share", List.of("form:/collections/1/share"));
    m.put("POST /collections/{id}/unshare", List.of("form:/collections/1/unshare"));
    // the private collection is the third on the second portal, the outsider's own the first
    m.put("GET /collections/{id}", List.of("/collections/1", "/collections/2", "/collections/3"));
    m.put(
        "POST /collections/{id}/remove",
        List.of("form:/collections/1/remove", "form:/collections/3/remove"));
    m.put("POST /s/{id}/notes", List.of("form:/s/" + privateSection + "/notes"));
    m.put("POST /notes/{id}/delete", List.of("form:/notes/1/delete"));
    m.put("POST /d/{docId}/tags", List.of("form:/d/" + privateId + "/tags"));
    m.put("POST /d/{docId}/tags/delete", List.of("form:/d/" + privateId + "/tags/delete"));
    m.put("POST /tags", List.of("form:/tags"));
    m.put("POST /saved/{id}/feed", List.of("form:/saved/1/feed"));
    m.put("POST /saved/{id}/delete", List.of("form:/saved/1/delete"));
    return m;
  }

  /** What differs between two portals that say the same: their ports, timings, tokens. */
  static String normal(String body) {
    return body.replaceAll("localhost:\\d+", "localhost:PORT")
        .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
        .replaceAll("用时 [0-9.]+ 秒", "用时 X 秒")
        .replaceAll("\"tookMs\"\\s*:\\s*\\d+", "\"tookMs\":X")
        .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"T\"")
        // when the outsider's uploads were indexed (the index's own files carry the test clock's,
        // which has no fraction of a second — and neither has an upload's, one time in a thousand)
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "UPLOADED")
        // where a portal keeps uploads: a folder of its own, named by the time and a random token
        .replaceAll("uploads\\d+", "uploads")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-[0-9.]+Z-[0-9a-f]{12}", "UPLOAD");
  }

  static String ask(SignInHttpTest.Browser b, String url) throws Exception {
    HttpResponse<String> r;
    if (url.startsWith("json:")) {
      r =
          b.http.send(
              HttpRequest.newBuilder(URI.create(b.portal.url(url.substring(5))))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"queries\": [\"公务接待费\", \"涉密档案\", \"江岸区\"], \"by\": \"region\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } else if (url.startsWith("form:")) {
      String path = url.substring(5);
      String token = b.session() == null ? "" : b.token("/login");
      r =
          b.post(
              path,
              Map.of(
                  "_csrf",
                  token,
                  "queries",
                  "公务接待费\n涉密档案\n江岸区",
                  "by",
                  "region",
                  "name",
                  "x",
                  "query",
                  "q=" + SECRET));
    } else {
      r = b.get(url);
    }
    return r.statusCode()
        + " "
        + r.headers().firstValue("Location").orElse("")
        + "\n"
        + normal(r.body());
  }

  @Test
  void everyRouteAnswersAnOutsiderAsIfThePrivateReportWereNotThere() throws Exception {
    Map<String, List<String>> samples = samples();
    List<String> routes = withPrivate.portal.routes();
    List<String> unsampled = new ArrayList<>();
    for (String route : routes) {
      String key = route.startsWith("HEAD ") ? "GET " + route.substring(5) : route;
      if (!samples.containsKey(key)) unsampled.add(route);
    }
    if (!unsampled.isEmpty())
      fail("routes with no sample here (add their private and public cases): " + unsampled);

    for (String who : List.of("nobody", "wang")) {
      SignInHttpTest.Browser a = new SignInHttpTest.Browser(open);
      SignInHttpTest.Browser b = new SignInHttpTest.Browser(withPrivate);
      if (who.equals("wang")) {
        assertEquals(303, a.signIn("wang", "battery staple").statusCode());
        assertEquals(303, b.signIn("wang", "battery staple").statusCode());
      }
      List<String> leaks = new ArrayList<>();
      for (var e : samples.entrySet()) {
        for (String url : e.getValue()) {
          String expected = ask(a, url), actual = ask(b, url);
          if (!expected.equals(actual))
            leaks.add(
                who
                    + " "
                    + url
                    + "\n--- without it:\n"
                    + cut(expected)
                    + "\n--- with it:\n"
                    + cut(actual));
        }
      }
      if (!leaks.isEmpty())
        Files.writeString(Path.of("target/leaks-" + who + ".txt"), String.join("\n\n", leaks));
      assertEquals(List.of(), leaks, String.join("\n\n", leaks));
    }
  }

  @Test
  void theUserItIsSharedWithReadsIt() throws Exception {
    SignInHttpTest.Browser desk = new SignInHttpTest.Browser(withPrivate);
    assertEquals(303, desk.signIn("desk", "correct horse").statusCode());
    assertEquals(200, desk.get("/d/" + privateId).statusCode());
    // the report's own section, and the copy the outsider made public: two reports, each its own
    String secret = desk.get("/search?q=" + SECRET).body();
    assertTrue(secret.contains("共 2 个章节"), secret);
    assertEquals(200, desk.get(privateTable).statusCode());
    // its own project, marked as the collection's; nobody else finds it
    var project =
        new ObjectMapper().readTree(desk.get("/api/p/" + DESTRUCTION).body()).get("projects");
    assertEquals(1, project.size(), project.toString());
    assertEquals("leak", project.get(0).get("collection").asText());
    assertEquals(
        404, new SignInHttpTest.Browser(withPrivate).get("/p/" + DESTRUCTION).statusCode());
    assertEquals(200, desk.get("/d/" + privateId + "/file").statusCode());
    // the file edited in place: its new words the collection's, its old report gone
    String added = "/search?q=" + java.net.URLEncoder.encode("另册保管", StandardCharsets.UTF_8);
    assertTrue(desk.get(added).body().contains("共 1 个章节"));
    assertEquals(404, desk.get("/d/" + firstId).statusCode());
    // unshared: gone for them too
    SignInHttpTest.Browser nobody = new SignInHttpTest.Browser(withPrivate);
    assertEquals(404, nobody.get("/d/" + privateId).statusCode());
    assertTrue(nobody.get(added).body().contains("没有找到"), nobody.get(added).body());
  }

  @Test
  void aSavedSearchsFeedGivesItsOwnerThePrivateReportsTheirPageShows() throws Exception {
    SignInHttpTest.Browser desk = new SignInHttpTest.Browser(withPrivate);
    assertEquals(303, desk.signIn("desk", "correct horse").statusCode());
    String words = "q=" + java.net.URLEncoder.encode("另册保管", StandardCharsets.UTF_8);
    assertEquals(
        303,
        desk.post(
                "/saved",
                Map.of("_csrf", desk.token("/search?" + words), "name", "外包", "query", words))
            .statusCode());
    java.util.regex.Matcher feed =
        java.util.regex.Pattern.compile(
                "value=\"http://localhost:\\d+(/feed/saved/[A-Za-z0-9_-]+)\"")
            .matcher(desk.get("/saved").body());
    assertTrue(feed.find());
    // a feed reader has no session: the feed reads what its owner may
    SignInHttpTest.Browser reader = new SignInHttpTest.Browser(withPrivate);
    String atom = reader.get(feed.group(1)).body();
    assertTrue(atom.contains("<id>urn:gongkai:document:" + privateId + "</id>"), atom);
    // its owner no longer given the collection: nor is the feed
    var ws = withPrivate.workspace();
    ws.collections().unshare("leak", "desk", null, "test");
    try {
      String after = reader.get(feed.group(1)).body();
      assertTrue(!after.contains(privateId), after);
    } finally {
      ws.collections().share("leak", "desk", "reader", null, "test");
    }
  }

  @Test
  void theOutsidersSameBytesAreADocumentOfHisOwnThatCarriesNothingOfTheirs() throws Exception {
    SignInHttpTest.Browser wang = new SignInHttpTest.Browser(withPrivate);
    assertEquals(303, wang.signIn("wang", "battery staple").statusCode());
    String own =
        org.gongkai.model.Domain.of(WANG_KEY)
            .docId(ContentHash.of(REPORT.getBytes(StandardCharsets.UTF_8)));
    String page = wang.get("/d/" + own).body();
    assertTrue(page.contains("<h1>武汉市江岸区档案局2024年度部门决算</h1>"), page);
    for (String theirs : List.of("追问数字化外包", "线索", "江岸区档案局决算.txt", privateId, firstId))
      assertTrue(!page.contains(theirs), theirs + " on the outsider's own copy:\n" + page);
    assertEquals(404, wang.get("/d/" + privateId).statusCode());
    assertEquals(404, wang.get("/d/" + firstId).statusCode());
    // the text copy he uploaded hides no public report: nobody counts them all, he counts his too
    SignInHttpTest.Browser nobody = new SignInHttpTest.Browser(withPrivate);
    var mapper = new ObjectMapper();
    assertEquals(
        6,
        mapper
            .readTree(nobody.get("/api/documents").body())
            .get("total")
            .asInt()); // 5 + his public one
    assertEquals(
        9, mapper.readTree(wang.get("/api/documents").body()).get("total").asInt()); // + his three
    assertEquals(200, nobody.get("/d/7c47e9c7f99b77e3").statusCode()); // 洪江区's report
  }

  private static String cut(String s) {
    return s.length() > 150000 ? s.substring(0, 150000) + "…" : s;
  }
}
