package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gongkai.TestSupport;
import org.gongkai.workspace.Databases;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Starred documents per user, over real HTTP on H2 and PostgreSQL: one's own list only. */
class StarsHttpTest {

  @TempDir Path dir;

  private static final String HANYANG = "52bbe3626a4811c6";
  private static final String CAIDIAN = "d42c6830081dfa35";

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aUserStarsReportsAndSeesOnlyTheirOwnStars(String database) throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "command line");
      w.users().add("wang", Role.READER, "battery staple".toCharArray(), null, "command line");
      try (TestPortal portal =
          TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")), w)) {
        SignInHttpTest.Browser anonymous = new SignInHttpTest.Browser(portal);
        assertTrue(!anonymous.get("/d/" + HANYANG).body().contains("class=\"star\""));
        assertEquals(303, anonymous.get("/starred").statusCode());

        SignInHttpTest.Browser chen = new SignInHttpTest.Browser(portal);
        assertEquals(303, chen.signIn("chen", "correct horse").statusCode());
        String page = chen.get("/d/" + HANYANG).body();
        assertTrue(page.contains("<button type=\"submit\">☆ 加星</button>"), page);
        String token = chen.token("/d/" + HANYANG);
        var starred = chen.post("/d/" + HANYANG + "/star", Map.of("_csrf", token));
        assertEquals(303, starred.statusCode());
        assertEquals("/d/" + HANYANG, starred.headers().firstValue("Location").orElseThrow());
        assertTrue(
            chen.get("/d/" + HANYANG)
                .body()
                .contains("<button type=\"submit\" class=\"on\">★ 已加星（取消）</button>"));
        assertEquals(
            303, chen.post("/d/" + CAIDIAN + "/star", Map.of("_csrf", token)).statusCode());
        String list = chen.get("/starred").body();
        // the latest starred first
        int caidian = list.indexOf("<a href=\"/d/" + CAIDIAN + "\">");
        int hanyang = list.indexOf("<a href=\"/d/" + HANYANG + "\">");
        assertTrue(caidian > 0 && hanyang > caidian, list);
        // starred again: the star taken away
        assertEquals(
            303, chen.post("/d/" + CAIDIAN + "/star", Map.of("_csrf", token)).statusCode());
        assertTrue(!chen.get("/starred").body().contains("/d/" + CAIDIAN));
        // no token, no star; an unknown report is a 404
        assertEquals(403, chen.post("/d/" + CAIDIAN + "/star", Map.of()).statusCode());
        assertEquals(
            404, chen.post("/d/0000000000000000/star", Map.of("_csrf", token)).statusCode());

        // another user sees none of them
        SignInHttpTest.Browser wang = new SignInHttpTest.Browser(portal);
        assertEquals(303, wang.signIn("wang", "battery staple").statusCode());
        assertTrue(wang.get("/starred").body().contains("还没有加星的报告"));
        assertTrue(
            wang.get("/d/" + HANYANG).body().contains("<button type=\"submit\">☆ 加星</button>"));
      }
    }
  }
}
