package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gongkai.TestSupport;
import org.gongkai.workspace.Databases;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workspace's smaller doors, each tried as the attack that once went through it, on H2 and on a
 * real PostgreSQL server: a password reset signs the account's sessions out; the sign-in form is
 * checked on every path that reaches it; a NUL character is a 400 wherever it is sent; a signed-in
 * user's answers and a private report's page pictures are kept by no cache; the list of notes
 * weighs who may read a note before it counts them.
 */
class WorkspaceHardeningHttpTest {

  @TempDir Path dir;

  static final String NUL = "%00";

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void eachSmallerDoorHolds(String database) throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      User desk = w.users().add("desk", Role.EDITOR, "correct horse".toCharArray(), null, "t");
      User erin = w.users().add("erin", Role.EDITOR, "battery staple".toCharArray(), null, "t");
      w.collections().create("leak", false, null, "t");
      w.collections().share("leak", "desk", "editor", null, "t");
      Path leak = Files.createDirectories(dir.resolve("leak"));
      // a PDF of the collection's own: its page pictures are private
      Path pdf = leak.resolve("copy.pdf");
      Files.copy(TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf"), pdf);
      String privateId = TestPortal.privateId(w, "leak", pdf);
      try (TestPortal portal =
          TestPortal.serving(
              dir.resolve("p"),
              List.of(TestSupport.CORPUS.resolve("formats")),
              w,
              Map.of("leak", List.of(leak)))) {
        SignInHttpTest.Browser d = new SignInHttpTest.Browser(portal);
        assertEquals(303, d.signIn("desk", "correct horse").statusCode());
        SignInHttpTest.Browser e = new SignInHttpTest.Browser(portal);
        assertEquals(303, e.signIn("erin", "battery staple").statusCode());
        SignInHttpTest.Browser nobody = new SignInHttpTest.Browser(portal);

        // no cache keeps a signed-in user's answers, nor a private report's pictures
        assertEquals(
            "private, no-store",
            d.get("/search?q=x").headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> picture = d.get("/d/" + privateId + "/page/1.png");
        assertEquals(200, picture.statusCode());
        assertEquals("private, no-store", picture.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(404, nobody.get("/d/" + privateId + "/page/1.png").statusCode());
        assertEquals(
            "public, max-age=31536000, immutable",
            nobody
                .get("/d/52bbe3626a4811c6/page/1.png")
                .headers()
                .firstValue("Cache-Control")
                .orElse(""));
        assertEquals("", nobody.get("/").headers().firstValue("Cache-Control").orElse(""));

        // NUL, wherever it is sent: a 400 that says why, never a 500
        String section =
            new ObjectMapper()
                .readTree(d.get("/api/documents/52bbe3626a4811c6").body())
                .get("sections")
                .get(1)
                .get("id")
                .asText();
        String token = d.token("/s/" + section);
        List<HttpResponse<String>> nul =
            List.of(
                d.post(
                    "/s/" + section + "/notes",
                    Map.of(
                        "_csrf", token, "quote", "工会", "body", "a\u0000b", "visibility", "shared")),
                d.post("/d/52bbe3626a4811c6/tags", Map.of("_csrf", token, "tag", "线\u0000索")),
                d.post("/saved", Map.of("_csrf", token, "name", "x\u0000", "query", "q=x")),
                d.get("/notes?q=" + NUL),
                d.get("/search?q=a" + NUL + "b"),
                nobody.post(
                    "/login",
                    Map.of(
                        "_csrf", nobody.token("/login"), "name", "desk\u0000", "password", "x")));
        for (HttpResponse<String> r : nul) {
          assertEquals(400, r.statusCode(), r.uri() + "\n" + r.body());
          assertTrue(r.body().contains("请求中含有空字符（NUL），无法处理"), r.body());
        }

        // the sign-in form's token is checked on every path that reaches it (/login/ too): no
        // sign-in, no audit, no 500, without it
        for (String path : List.of("/login", "/login/"))
          for (SignInHttpTest.Browser b : List.of(nobody, e)) {
            HttpResponse<String> forged =
                b.post(path, Map.of("name", "desk", "password", "correct horse"));
            assertEquals(403, forged.statusCode(), path + ": " + forged.body());
          }
        assertEquals(
            1L,
            w.audit().newest(100, 0).stream()
                .filter(x -> x.action().equals("login") && "desk".equals(x.actor()))
                .count());

        // the notes list weighs each note's report before it counts: five hundred and more shared
        // notes on a report erin may not read crowd out none of hers, and say nothing
        String erinsBefore = e.get("/notes?format=json").body();
        for (int i = 0; i < 520; i++)
          w.notes()
              .add(
                  desk,
                  privateId,
                  privateId + "-1",
                  "档案",
                  "内部线索 " + i,
                  true,
                  Instant.parse("2026-11-20T08:00:00Z"));
        assertEquals(erinsBefore, e.get("/notes?format=json").body());
        w.notes()
            .add(
                erin,
                "52bbe3626a4811c6",
                section,
                "工会",
                "她自己的笔记",
                false,
                Instant.parse("2026-11-21T08:00:00Z"));
        String mine = e.get("/notes?format=json").body();
        assertTrue(mine.contains("她自己的笔记"), mine);
        assertTrue(!mine.contains("内部线索"), mine);
        // desk reads their own (the list's cap counts readable notes)
        String desks = d.get("/notes?format=json").body();
        assertEquals(
            500,
            new ObjectMapper().readTree(desks).get("notes").size(),
            "the cap: " + desks.length());

        // a password set anew (a reset after a leak) signs its account's sessions out
        assertTrue(e.get("/").body().contains("已登录：erin"));
        w.users().setPassword("erin", "a brand new passphrase".toCharArray(), null, "t");
        assertTrue(!e.get("/").body().contains("已登录：erin"));
        assertEquals(303, e.get("/collections").statusCode());
        assertEquals(303, e.signIn("erin", "a brand new passphrase").statusCode());
        assertTrue(e.get("/").body().contains("已登录：erin"));
        // desk, untouched, stays signed in
        assertTrue(d.get("/").body().contains("已登录：desk"));
      }
    }
  }

  /** A GET with a method of its own ({@code HEAD}). */
  static HttpResponse<String> send(TestPortal p, String method, String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(p.url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
