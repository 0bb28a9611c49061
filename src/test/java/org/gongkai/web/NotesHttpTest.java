package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.TestSupport;
import org.gongkai.index.ContentHash;
import org.gongkai.workspace.Databases;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Notes on passages and tags on reports, over real HTTP on H2 and PostgreSQL: a note is its
 * author's or shared with whoever may read the report; it shows beside its section, on the report's
 * page and in /notes (searched, exported); tags narrow a list, as notes do; nothing of a private
 * report reaches a user who may not read it.
 */
class NotesHttpTest {

  @TempDir Path dir;

  static final String HANYANG = "52bbe3626a4811c6";

  static String json(SignInHttpTest.Browser b, String path) throws Exception {
    return b.get(path).body();
  }

  static int total(SignInHttpTest.Browser b, String path) throws Exception {
    return new ObjectMapper().readTree(b.get(path).body()).get("total").asInt();
  }

  /** The narrowings a search page offers: label, count, address (and "on"). */
  static List<String> narrowings(String page) {
    List<String> out = new java.util.ArrayList<>();
    int at = page.indexOf("<fieldset class=\"facet narrowings\"");
    if (at < 0) return out;
    String box = page.substring(at, page.indexOf("</fieldset>", at));
    var m =
        java.util.regex.Pattern.compile(
                "<li( class=\"on\")?><a href=\"([^\"]*)\"[^>]*><span>([^<]*)</span>"
                    + " <small class=\"count\">(\\d+)</small>")
            .matcher(box);
    while (m.find())
      out.add(
          m.group(3)
              + " "
              + m.group(4)
              + " "
              + m.group(2).replace("&amp;", "&")
              + (m.group(1) != null ? " on" : ""));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void notesAndTagsAreReadByThoseWhoMayReadTheReport(String database) throws Exception {
    Path leak = Files.createDirectories(dir.resolve("leak"));
    Path file = leak.resolve("江岸区档案局决算.txt");
    Files.writeString(file, PrivateCollectionsHttpTest.REPORT);
    try (Workspace w = Databases.fresh(database, dir)) {
      w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "test");
      w.users().add("li", Role.READER, "battery staple".toCharArray(), null, "test");
      w.users().add("wang", Role.READER, "tr0ub4dor &3".toCharArray(), null, "test");
      w.collections().create("desk", false, null, "test");
      w.collections().addFiles("desk", Set.of(ContentHash.of(file)), null, "test");
      w.collections().share("desk", "chen", "editor", null, "test");
      w.collections().share("desk", "li", "reader", null, "test");
      String privateId = TestPortal.privateId(w, "desk", file);
      try (TestPortal portal =
          TestPortal.serving(
              dir,
              List.of(TestSupport.CORPUS.resolve("formats")),
              w,
              Map.of("desk", List.of(leak)))) {
        SignInHttpTest.Browser chen = new SignInHttpTest.Browser(portal);
        assertEquals(303, chen.signIn("chen", "correct horse").statusCode());
        SignInHttpTest.Browser li = new SignInHttpTest.Browser(portal);
        assertEquals(303, li.signIn("li", "battery staple").statusCode());
        SignInHttpTest.Browser wang = new SignInHttpTest.Browser(portal);
        assertEquals(303, wang.signIn("wang", "tr0ub4dor &3").statusCode());
        JsonNode doc = new ObjectMapper().readTree(json(chen, "/api/documents/" + privateId));
        String section = doc.get("sections").get(1).get("id").asText();
        String token = chen.token("/s/" + section);

        // a private note and a shared one on a passage of the private report
        var added =
            chen.post(
                "/s/" + section + "/notes",
                Map.of(
                    "_csrf",
                    token,
                    "quote",
                    "涉密档案数字化",
                    "body",
                    "问：哪家公司承接？",
                    "visibility",
                    "private"));
        assertEquals(303, added.statusCode());
        assertEquals(
            "/s/" + section + "#notes", added.headers().firstValue("Location").orElseThrow());
        assertEquals(
            303,
            chen.post(
                    "/s/" + section + "/notes",
                    Map.of(
                        "_csrf",
                        token,
                        "quote",
                        "全区档案的收集",
                        "body",
                        "与2023年说法不同",
                        "visibility",
                        "shared"))
                .statusCode());
        // refused: no passage, no words, no token
        assertEquals(
            400,
            chen.post("/s/" + section + "/notes", Map.of("_csrf", token, "quote", "", "body", "x"))
                .statusCode());
        assertEquals(
            403,
            chen.post("/s/" + section + "/notes", Map.of("quote", "全区", "body", "x")).statusCode());

        String page = chen.get("/s/" + section).body();
        assertTrue(page.contains("<p class=\"body\">问：哪家公司承接？</p>"), page);
        assertTrue(page.contains("<p class=\"body\">与2023年说法不同</p>"), page);
        assertTrue(page.contains("<span>仅自己可见</span>"), page);
        // the collection's reader sees the shared note only; the report's page lists it too
        String liPage = li.get("/s/" + section).body();
        assertTrue(liPage.contains("与2023年说法不同") && !liPage.contains("哪家公司"), liPage);
        assertTrue(li.get("/d/" + privateId).body().contains("<p class=\"body\">与2023年说法不同</p>"));
        // who may not read the report reads none of it, not even in the notes list
        assertEquals(404, wang.get("/s/" + section).statusCode());
        String wangToken = wang.token("/notes");
        assertEquals(
            404,
            wang.post(
                    "/s/" + section + "/notes",
                    Map.of("_csrf", wangToken, "quote", "全区", "body", "x", "visibility", "shared"))
                .statusCode());
        assertTrue(wang.get("/notes").body().contains("还没有批注"));
        JsonNode none = new ObjectMapper().readTree(wang.get("/notes?format=json").body());
        assertEquals(0, none.get("notes").size());

        // /notes: searched by words of the note or of its passage; exported with permalinks
        String found =
            chen.get("/notes?q=" + URLEncoder.encode("哪家", StandardCharsets.UTF_8)).body();
        assertTrue(found.contains("问：哪家公司承接？") && !found.contains("与2023年说法不同"), found);
        assertTrue(
            chen.get("/notes?q=" + URLEncoder.encode("收集", StandardCharsets.UTF_8))
                .body()
                .contains("与2023年说法不同"));
        String csv = chen.get("/notes?format=csv").body();
        String[] lines = csv.split("\r\n");
        assertEquals(
            "\uFEFFid,author,shared,created,report,quote,note,permalink,collection", lines[0]);
        assertEquals(3, lines.length, csv);
        assertTrue(
            lines[1].matches(
                "2,\"chen\",true,\\d{4}-\\d{2}-\\d{2},\"武汉市江岸区档案局2024年度部门决算\",\"全区档案的收集\","
                    + "\"与2023年说法不同\",\"http://localhost:\\d+/s/"
                    + section
                    + "\\?q=%22%E5%85%A8%E5%8C%BA%E6%A1%A3%E6%A1%88%E7%9A%84%E6%94%B6%E9%9B%86%22#hit\",\"desk\""),
            lines[1]);
        JsonNode exported = new ObjectMapper().readTree(li.get("/notes?format=json").body());
        assertEquals(1, exported.get("notes").size());
        assertEquals("全区档案的收集", exported.get("notes").get(0).get("quote").asText());
        assertEquals(400, chen.get("/notes?format=xml").statusCode());
        // the permalink marks the passage
        String marked =
            chen.get(
                    "/s/"
                        + section
                        + "?q="
                        + URLEncoder.encode("\"全区档案的收集\"", StandardCharsets.UTF_8))
                .body();
        assertTrue(marked.contains("<mark id=\"hit\">全区档案的收集</mark>"), marked);

        // a list narrowed to reports with notes: chen's and li's the private one; wang's none
        assertEquals(1, total(chen, "/api/documents?noted=1"));
        assertEquals(1, total(li, "/api/documents?noted=1"));
        assertEquals(0, total(wang, "/api/documents?noted=1"));
        assertEquals(6, total(chen, "/api/documents"));

        // tags: ticked in a result list, or on a report's page; a list narrowed to a tag
        var tagged =
            chen.post(
                "/tags",
                Map.of("_csrf", token, "doc", privateId, "tag", "线索", "back", "/search?q=x"));
        assertEquals(303, tagged.statusCode());
        assertEquals("/search?q=x", tagged.headers().firstValue("Location").orElseThrow());
        assertEquals(
            303,
            chen.post("/d/" + HANYANG + "/tags", Map.of("_csrf", token, "tag", "线索")).statusCode());
        String tagQuery = "/api/documents?tag=" + URLEncoder.encode("线索", StandardCharsets.UTF_8);
        assertEquals(2, total(chen, tagQuery));
        assertEquals(1, total(wang, tagQuery), "the public report only");
        assertTrue(chen.get("/d/" + HANYANG).body().contains(">线索</a>"));
        // a result list offers, beside its facets, its reports with notes and each tag's reports,
        // counted as reports (the label says so), not as their sections: chen's, the private
        // report's; wang's, the public one's only
        String reception = URLEncoder.encode("公务接待费", StandardCharsets.UTF_8);
        JsonNode hits =
            new ObjectMapper()
                .readTree(chen.get("/api/search?q=" + reception + "&size=100").body());
        long inPrivate = 0;
        long inHanyang = 0;
        for (JsonNode h : hits.get("hits")) {
          if (h.get("docId").asText().equals(privateId)) inPrivate++;
          if (h.get("docId").asText().equals(HANYANG)) inHanyang++;
        }
        assertEquals(1, inPrivate);
        assertTrue(inHanyang > 0);
        assertEquals(
            List.of(
                "有批注的报告 1 /search?q=" + reception + "&noted=1",
                "线索 2 /search?q=" + reception + "&tag=%E7%BA%BF%E7%B4%A2"),
            narrowings(chen.get("/search?q=" + reception).body()));
        assertEquals(
            List.of("线索 1 /search?q=" + reception + "&tag=%E7%BA%BF%E7%B4%A2"),
            narrowings(wang.get("/search?q=" + reception).body()));
        // one narrowing on: its count is the page's, its link takes it off; the other counts within
        String onlyTagged = chen.get("/search?q=" + reception + "&tag=%E7%BA%BF%E7%B4%A2").body();
        assertEquals(
            List.of(
                "有批注的报告 1 /search?q=" + reception + "&tag=%E7%BA%BF%E7%B4%A2&noted=1",
                "线索 2 /search?q=" + reception + " on"),
            narrowings(onlyTagged));
        assertEquals(
            inPrivate + inHanyang,
            total(chen, "/api/search?q=" + reception + "&tag=%E7%BA%BF%E7%B4%A2"));
        // nobody signed in is offered none
        assertEquals(List.of(), narrowings(portal.get("/search?q=" + reception).body()));

        // a report one may not read cannot be tagged, nor ticked
        assertEquals(
            404,
            wang.post("/d/" + privateId + "/tags", Map.of("_csrf", wangToken, "tag", "x"))
                .statusCode());
        assertEquals(
            404,
            wang.post("/tags", Map.of("_csrf", wangToken, "doc", privateId, "tag", "x"))
                .statusCode());
        // a tag taken off
        assertEquals(
            303,
            chen.post("/d/" + HANYANG + "/tags/delete", Map.of("_csrf", token, "tag", "线索"))
                .statusCode());
        assertEquals(1, total(chen, tagQuery));
        // a note deleted by its author only
        assertEquals(
            404, li.post("/notes/1/delete", Map.of("_csrf", li.token("/notes"))).statusCode());
        assertEquals(303, chen.post("/notes/1/delete", Map.of("_csrf", token)).statusCode());
        assertTrue(!chen.get("/s/" + section).body().contains("哪家公司"));
      }
    }
  }
}
