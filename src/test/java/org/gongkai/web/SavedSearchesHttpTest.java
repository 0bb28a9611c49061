package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.gongkai.workspace.Databases;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.SavedSearch;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Saved searches over real HTTP, on H2 and PostgreSQL: saved from a page of results with a name,
 * listed with what is new since last opened, their Atom feed at a secret address a new one revokes,
 * deleted; another user's saved search is a 404 at every address.
 */
class SavedSearchesHttpTest {

  @TempDir Path dir;

  private static final String RECEPTION = "%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85%E8%B4%B9";

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aSearchIsSavedFollowedByItsSecretFeedAndKeptFromOthers(String database) throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "command line");
      w.users().add("wang", Role.READER, "battery staple".toCharArray(), null, "command line");
      try (TestPortal portal =
          TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")), w)) {
        SignInHttpTest.Browser anonymous = new SignInHttpTest.Browser(portal);
        // the page of saved searches is a signed-in user's: anyone else is sent to sign in
        HttpResponse<String> away = anonymous.get("/saved");
        assertEquals(303, away.statusCode());
        assertEquals("/login?next=%2Fsaved", away.headers().firstValue("Location").orElseThrow());
        assertTrue(!anonymous.get("/search?q=" + RECEPTION).body().contains("id=\"save-search\""));

        SignInHttpTest.Browser chen = new SignInHttpTest.Browser(portal);
        assertEquals(303, chen.signIn("chen", "correct horse").statusCode());
        String results = chen.get("/search?q=" + RECEPTION + "&page=2").body();
        assertTrue(results.contains("<button type=\"submit\" form=\"save-search\">保存此检索</button>"));
        // the page's own query string goes with the form; it is kept in its normal form
        HttpResponse<String> saved =
            chen.post(
                "/saved",
                Map.of(
                    "_csrf",
                    chen.token("/search?q=" + RECEPTION),
                    "name",
                    "接待费",
                    "query",
                    "q=" + RECEPTION + "&page=2&lang=en&region=%E6%B9%96%E5%8C%97%E7%9C%81"));
        assertEquals(303, saved.statusCode());
        assertEquals("/saved", saved.headers().firstValue("Location").orElseThrow());
        SavedSearch kept =
            w.users().find("chen").map(u -> w.savedSearches().list(u).get(0)).orElseThrow();
        assertEquals("q=" + RECEPTION + "&region=%E6%B9%96%E5%8C%97%E7%9C%81", kept.query());

        String list = chen.get("/saved").body();
        assertTrue(
            list.contains("<a class=\"open\" href=\"/saved/" + kept.id() + "\">接待费</a>"), list);
        assertTrue(!list.contains("class=\"new\""), "nothing indexed since it was saved");
        Matcher feed =
            Pattern.compile("value=\"(http://localhost:\\d+/feed/saved/([A-Za-z0-9_-]+))\"")
                .matcher(list);
        assertTrue(feed.find(), list);
        String feedPath = "/feed/saved/" + feed.group(2);

        // looked at before the reports were indexed: every report it finds is new
        Databases.sql(w, "UPDATE saved_searches SET seen_at = TIMESTAMP '2026-01-01 00:00:00'");
        int reports =
            new ObjectMapper()
                .readTree(
                    chen.get(
                            "/api/documents?q=" + RECEPTION + "&region=%E6%B9%96%E5%8C%97%E7%9C%81")
                        .body())
                .get("total")
                .asInt();
        assertEquals(3, reports);
        assertTrue(chen.get("/saved").body().contains("<strong class=\"new\">3 份新报告</strong>"));
        // opened: the search, and nothing new any more
        HttpResponse<String> opened = chen.get("/saved/" + kept.id());
        assertEquals(303, opened.statusCode());
        assertEquals(
            "/search?q=" + RECEPTION + "&region=%E6%B9%96%E5%8C%97%E7%9C%81",
            opened.headers().firstValue("Location").orElseThrow());
        assertTrue(!chen.get("/saved").body().contains("class=\"new\""));

        // the feed, to a reader with no session at all, at its secret address only
        HttpResponse<String> atom = anonymous.get(feedPath);
        assertEquals(200, atom.statusCode());
        assertTrue(
            atom.body().contains("<title>公开 Gongkai: 接待费 [region:湖北省]</title>"), atom.body());
        assertEquals(3, atom.body().split("<entry>").length - 1, atom.body());
        assertEquals(404, anonymous.get("/feed/saved/" + "x".repeat(32)).statusCode());

        // another user: no list entry, and a 404 at each of its addresses
        SignInHttpTest.Browser wang = new SignInHttpTest.Browser(portal);
        assertEquals(303, wang.signIn("wang", "battery staple").statusCode());
        assertTrue(wang.get("/saved").body().contains("还没有保存的检索"));
        assertEquals(404, wang.get("/saved/" + kept.id()).statusCode());
        String wangToken = wang.token("/saved");
        assertEquals(
            404,
            wang.post("/saved/" + kept.id() + "/delete", Map.of("_csrf", wangToken)).statusCode());
        assertEquals(
            404,
            wang.post("/saved/" + kept.id() + "/feed", Map.of("_csrf", wangToken)).statusCode());
        assertEquals(1, w.savedSearches().list(w.users().find("chen").orElseThrow()).size());

        // a new feed address: the old one answers no more
        String chenToken = chen.token("/saved");
        assertEquals(
            303,
            chen.post("/saved/" + kept.id() + "/feed", Map.of("_csrf", chenToken)).statusCode());
        assertEquals(404, anonymous.get(feedPath).statusCode());
        Matcher renewed =
            Pattern.compile("/feed/saved/([A-Za-z0-9_-]+)\"").matcher(chen.get("/saved").body());
        assertTrue(renewed.find());
        assertEquals(200, anonymous.get("/feed/saved/" + renewed.group(1)).statusCode());

        // without its token a post is refused; deleted with it, and in the audit log
        assertEquals(403, chen.post("/saved/" + kept.id() + "/delete", Map.of()).statusCode());
        assertEquals(
            303,
            chen.post("/saved/" + kept.id() + "/delete", Map.of("_csrf", chenToken)).statusCode());
        assertTrue(chen.get("/saved").body().contains("还没有保存的检索"));
        assertEquals("saved_search_deleted", w.audit().newest(1, 0).get(0).action());
        // a name is needed
        assertEquals(
            400,
            chen.post("/saved", Map.of("_csrf", chenToken, "name", " ", "query", "q=x"))
                .statusCode());
      }
    }
  }
}
