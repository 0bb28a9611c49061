package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.TestSupport;
import org.gongkai.workspace.Databases;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reporter's week with collections, over real HTTP: an editor makes a collection (no admin
 * needed) and is its editor; uploads into it; finds its reports marked as the collection's on every
 * hit, page and export row; lists its files and takes one out; shares it with a colleague picked
 * from the list (a misspelt name said on the page); and cannot take her own access away by mistake.
 */
class CollectionsHttpTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anEditorMakesSharesAndTendsACollectionOfHerOwn(String database) throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      w.keepUploadsIn(dir.resolve("uploads"));
      w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "t");
      w.users().add("li", Role.READER, "battery staple".toCharArray(), null, "t");
      try (TestPortal portal =
          TestPortal.serving(dir.resolve("p"), List.of(TestSupport.CORPUS.resolve("formats")), w)) {
        SignInHttpTest.Browser chen = new SignInHttpTest.Browser(portal);
        assertEquals(303, chen.signIn("chen", "correct horse").statusCode());
        String token = chen.token("/collections");
        assertEquals(
            303,
            chen.post("/collections", Map.of("_csrf", token, "name", "水务调查", "access", "private"))
                .statusCode());
        assertEquals(
            400,
            chen.post("/collections", Map.of("_csrf", token, "name", "水务调查", "access", "private"))
                .statusCode());
        long id = w.collections().find("水务调查").orElseThrow().id();
        String page = chen.get("/collections").body();
        assertTrue(page.contains("<a href=\"/collections/" + id + "\">水务调查</a>"), page);
        assertTrue(page.contains("<span>chen</span>"), page); // its maker edits it

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("水务局决算.txt", UploadHttpTest.LEAK.getBytes(StandardCharsets.UTF_8));
        files.put("园林局决算.txt", UploadHttpTest.INSIDE.getBytes(StandardCharsets.UTF_8));
        var sent =
            UploadHttpTest.upload(
                chen, Map.of("_csrf", chen.token("/upload"), "collection", "水务调查"), files);
        assertEquals(303, sent.statusCode(), sent.body());
        UploadHttpTest.done(chen, sent.headers().firstValue("Location").orElseThrow());

        // marked as the collection's wherever it shows: a hit, the report, its section, exports
        String word = java.net.URLEncoder.encode("暗涵清淤", StandardCharsets.UTF_8);
        String badge =
            "<span class=\"private\" title=\"这份报告属于一个不公开的集合，只有它的共享对象能看到\">不公开 · 水务调查</span>";
        String hits = chen.get("/search?q=" + word).body();
        assertTrue(hits.contains(badge), hits);
        var api = new ObjectMapper().readTree(chen.get("/api/search?q=" + word).body());
        assertEquals("水务调查", api.at("/hits/0/collection").asText());
        String docId = api.at("/hits/0/docId").asText();
        String section = api.at("/hits/0/id").asText();
        assertTrue(chen.get("/d/" + docId).body().contains("不公开 · 水务调查"));
        String sectionPage = chen.get("/s/" + section).body();
        assertTrue(sectionPage.contains(badge), sectionPage);
        assertTrue(chen.get("/documents").body().contains(badge));
        assertEquals(
            "水务调查",
            new ObjectMapper()
                .readTree(chen.get("/api/documents/" + docId).body())
                .get("collection")
                .asText());
        List<String> csv =
            chen.get("/api/search?q=" + word + "&format=csv").body().lines().toList();
        assertTrue(csv.get(1).endsWith(",水务调查"), csv.toString());
        // the figures explorer marks its rows too, and its exports
        var figures =
            new ObjectMapper().readTree(chen.get("/api/indicators?name=income_total").body());
        boolean marked = false;
        for (var row : figures)
          if (row.get("docId").asText().equals(docId))
            marked = "水务调查".equals(row.get("collection").asText());
        assertTrue(marked, figures.toString());
        assertTrue(chen.get("/indicators?name=income_total").body().contains(badge));
        // … its several-figures view, the reports stating none, budget against actual, and theirs
        String two = "/indicators?name=income_total&name=expenditure_total";
        assertTrue(chen.get(two).body().contains(badge), "a row of the several-figures view");
        java.util.Set<String> marked2 = new java.util.TreeSet<>();
        for (var row : new ObjectMapper().readTree(chen.get("/api" + two).body()))
          if (!row.get("collection").isNull())
            marked2.add(row.get("collection").asText() + " " + row.get("issuer").asText());
        assertEquals(java.util.Set.of("水务调查 武汉市江岸区园林局", "水务调查 武汉市江岸区水务局"), marked2, "and no other");
        assertTrue(
            chen.get("/api" + two + "&format=csv")
                .body()
                .lines()
                .anyMatch(l -> l.startsWith(docId + ",") && l.endsWith(",水务调查,,")));
        String unstated = chen.get("/indicators?name=three_public").body(); // it states no 三公
        assertTrue(
            unstated.contains(badge)
                && unstated.indexOf(badge) > unstated.indexOf("id=\"not-reported\""),
            unstated);
        var notReported =
            new ObjectMapper()
                .readTree(chen.get("/api/indicators?name=three_public&reported=false").body());
        boolean listed = false;
        for (var row : notReported)
          if (row.get("docId").asText().equals(docId))
            listed = "水务调查".equals(row.get("collection").textValue());
        assertTrue(listed, notReported.toString());
        assertTrue(
            chen.get("/indicators?name=income_total&compare=budget").body().contains(badge),
            "budget against actual marks a pair with a private side");
        var pairs =
            new ObjectMapper()
                .readTree(chen.get("/api/indicators?name=income_total&compare=budget").body());
        boolean paired = false;
        for (var row : pairs)
          if (docId.equals(row.get("actualDocId").textValue()))
            paired =
                "水务调查".equals(row.get("actualCollection").textValue())
                    && row.get("budgetCollection").isNull();
        assertTrue(paired, pairs.toString());
        // her notes and her stars on it are marked too: the lists, and the notes' exports
        assertEquals(
            303,
            chen.post(
                    "/s/" + section + "/notes",
                    Map.of(
                        "_csrf",
                        chen.token("/s/" + section),
                        "quote",
                        "暗涵清淤",
                        "body",
                        "问：谁施工？",
                        "visibility",
                        "private"))
                .statusCode());
        assertTrue(chen.get("/notes").body().contains(badge), "the notes list");
        List<String> noteRows = chen.get("/notes?format=csv").body().lines().skip(1).toList();
        assertEquals(1, noteRows.size());
        assertTrue(noteRows.get(0).endsWith(",\"水务调查\""), noteRows.get(0));
        assertEquals(
            "水务调查",
            new ObjectMapper()
                .readTree(chen.get("/notes?format=json").body())
                .at("/notes/0/collection")
                .asText());
        assertEquals(
            303,
            chen.post("/d/" + docId + "/star", Map.of("_csrf", chen.token("/d/" + docId)))
                .statusCode());
        assertTrue(chen.get("/starred").body().contains(badge), "the starred list");
        // public reports say null, and no badge
        assertTrue(
            new ObjectMapper()
                .readTree(chen.get("/api/documents/52bbe3626a4811c6").body())
                .get("collection")
                .isNull());

        // its files, and one taken out: its report leaves, the kept copy too, and it stays out
        String list = chen.get("/collections/" + id).body();
        assertTrue(list.contains("<td>水务局决算.txt</td>"), list);
        assertTrue(list.contains("<td>园林局决算.txt</td>"), list);
        var m =
            java.util.regex.Pattern.compile("name=\"path\" value=\"([^\"]*水务局决算.txt)\"")
                .matcher(list);
        assertTrue(m.find(), list);
        String kept = m.group(1);
        assertEquals(
            303,
            chen.post(
                    "/collections/" + id + "/remove",
                    Map.of("_csrf", chen.token("/collections/" + id), "path", kept))
                .statusCode());
        assertEquals(404, chen.get("/d/" + docId).statusCode());
        assertTrue(!java.nio.file.Files.exists(Path.of(kept)));
        assertTrue(!chen.get("/collections/" + id).body().contains("水务局决算.txt"));
        assertTrue(
            w.audit().newest(5, 0).stream().anyMatch(e -> e.action().equals("file_removed")));

        // shared with a colleague picked from the list; a name not on it is said, not a bare 400
        String names = chen.get("/collections").body();
        assertTrue(names.contains("<option value=\"li\"></option>"), names);
        var misspelt =
            chen.post(
                "/collections/" + id + "/share",
                Map.of("_csrf", token, "kind", "user", "who", "lii", "role", "reader"));
        assertEquals(400, misspelt.statusCode());
        assertTrue(misspelt.body().contains("没有名为“lii”的用户：请从列表中选择。"), misspelt.body());
        assertTrue(misspelt.body().contains("<h1>集合</h1>"), "the page itself, with the message");
        assertEquals(
            303,
            chen.post(
                    "/collections/" + id + "/share",
                    Map.of("_csrf", token, "kind", "user", "who", "li", "role", "reader"))
                .statusCode());
        SignInHttpTest.Browser li = new SignInHttpTest.Browser(portal);
        assertEquals(303, li.signIn("li", "battery staple").statusCode());
        assertTrue(li.get("/collections/" + id).body().contains("园林局决算.txt"));
        // a reader lists, never takes out
        assertTrue(!li.get("/collections/" + id).body().contains("移出集合"));
        assertEquals(
            404,
            li.post(
                    "/collections/" + id + "/remove",
                    Map.of("_csrf", li.token("/collections/" + id), "path", kept))
                .statusCode());

        // her own access: neither unshared nor made a reader by her own hand
        for (Map<String, String> self :
            List.of(
                Map.of("_csrf", token, "kind", "user", "who", "chen"),
                Map.of("_csrf", token, "kind", "user", "who", "chen", "role", "reader"))) {
          var refused =
              chen.post(
                  "/collections/" + id + (self.containsKey("role") ? "/share" : "/unshare"), self);
          assertEquals(400, refused.statusCode());
          assertTrue(
              refused.body().contains("这样会让你失去管理集合“水务调查”的权限：请让另一位编辑或管理员来做。"), refused.body());
        }
        assertTrue(chen.get("/collections/" + id).body().contains("移出集合"));
      }
    }
  }
}
