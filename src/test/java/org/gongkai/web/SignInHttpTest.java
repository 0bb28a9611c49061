package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongkai.TestSupport;
import org.gongkai.workspace.Databases;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A workspace's sign-in over real HTTP, on H2 and on a real PostgreSQL server: the session cookie's
 * flags, the CSRF token every state-changing request of a session must send, a wrong name answered
 * as a wrong password, throttling, a renewed session id, sign-out, a disabled account's session
 * ended, and the audit log an admin alone can read (404 to anyone else).
 */
class SignInHttpTest {

  @TempDir Path dir;

  /** A browser: its own cookies, redirects not followed (their status is asserted). */
  static final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    final TestPortal portal;

    Browser(TestPortal portal) {
      this.portal = portal;
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(portal.url(path))).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return http.send(
          HttpRequest.newBuilder(URI.create(portal.url(path)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String session() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("gongkai_session"))
          .map(java.net.HttpCookie::getValue)
          .findFirst()
          .orElse(null);
    }

    /** The CSRF token of the page at {@code path}'s first form. */
    String token(String path) throws Exception {
      Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(path).body());
      assertTrue(m.find(), path + " has no CSRF token");
      return m.group(1);
    }

    HttpResponse<String> signIn(String name, String password) throws Exception {
      String token = token("/login");
      return post(
          "/login",
          Map.of("_csrf", token, "name", name, "password", password, "next", "/documents"));
    }
  }

  private static final String FAILED = "<p class=\"error\" role=\"alert\">用户名或密码不正确。</p>";

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anAdminSignsInReadsTheAuditLogAndSignsOut(String database) throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      w.users().add("chen", Role.ADMIN, "correct horse".toCharArray(), null, "command line");
      w.users().add("wang", Role.READER, "battery staple".toCharArray(), null, "command line");
      try (TestPortal portal =
          TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")), w)) {
        Browser b = new Browser(portal);
        // the public reports stay readable without signing in; the header offers to sign in
        HttpResponse<String> home = b.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("<a class=\"login\" href=\"/login\">登录</a>"), home.body());
        assertEquals(404, b.get("/admin/audit").statusCode());
        assertEquals(null, b.session(), "no session for a reader of public pages");

        // the form makes no session: its token is bound to a cookie of its own, HttpOnly and
        // SameSite=Strict, and nothing is kept on the server (HEAD and GET alike)
        HttpResponse<String> form = b.get("/login");
        String cookie = form.headers().firstValue("Set-Cookie").orElse("(none)");
        assertTrue(cookie.startsWith("gongkai_login="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http here: " + cookie);
        for (int i = 0; i < 3; i++)
          assertEquals(
              200,
              HttpClient.newHttpClient()
                  .send(
                      java.net.http.HttpRequest.newBuilder(
                              java.net.URI.create(portal.url("/login")))
                          .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.discarding())
                  .statusCode());
        assertEquals(0, portal.portal.sessions(), "sessions kept for sign-in forms");
        assertEquals(null, b.session(), "no session before signing in");

        // a post without the form's token: refused, whatever the password
        HttpResponse<String> forged =
            b.post("/login", Map.of("name", "chen", "password", "correct horse"));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("此表单已过期或来自其他网站"), forged.body());

        // a wrong password and an unknown name: the same answer
        HttpResponse<String> wrong = b.signIn("chen", "wrong horse!!");
        HttpResponse<String> unknown = b.signIn("nobody", "correct horse");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertTrue(wrong.body().contains(FAILED), wrong.body());
        assertEquals(
            wrong.body().replaceAll("value=\"[^\"]+\"", ""),
            unknown.body().replaceAll("value=\"[^\"]+\"", ""));

        assertEquals(null, b.session(), "no session for failed attempts either");
        HttpResponse<String> in = b.signIn("chen", "correct horse");
        assertEquals(303, in.statusCode());
        String session =
            in.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("gongkai_session="))
                .findFirst()
                .orElseThrow();
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Lax"), session);
        String before = b.session();
        assertEquals(303, b.signIn("chen", "correct horse").statusCode());
        assertEquals("/documents", in.headers().firstValue("Location").orElseThrow());
        assertNotEquals(before, b.session(), "a new session id at sign-in");
        HttpResponse<String> signedIn = b.get("/");
        assertTrue(signedIn.body().contains("<span>已登录：chen</span>"), signedIn.body());
        // an admin's header links the audit log
        assertTrue(
            signedIn.body().contains("<a class=\"audit\" href=\"/admin/audit\">审计日志</a>"),
            signedIn.body());

        // the audit log: every attempt, newest first; its CSV
        String audit = b.get("/admin/audit").body();
        assertTrue(audit.contains("<span>共 6 条</span>"), audit);
        assertTrue(audit.contains("<td>login_failed</td>\n      <td>nobody</td>"), audit);
        HttpResponse<String> csv = b.get("/admin/audit?format=csv");
        List<String> lines = csv.body().lines().toList();
        assertEquals("\ufeffat,actor,action,target,address", lines.get(0));
        assertEquals(
            List.of(
                "chen,login,chen,127.0.0.1",
                "chen,login,chen,127.0.0.1",
                ",login_failed,nobody,127.0.0.1",
                ",login_failed,chen,127.0.0.1",
                ",user_added,wang (reader),command line",
                ",user_added,chen (admin),command line"),
            lines.subList(1, 7).stream().map(l -> l.substring(l.indexOf(',') + 1)).toList());

        // 200 lines a page, and a pager past them
        for (int i = 0; i < 200; i++) w.audit().record("chen", "test", "line " + i, "test");
        String first = b.get("/admin/audit").body();
        assertTrue(first.contains("<span>1 / 2</span>"), first);
        assertTrue(first.contains("<a href=\"/admin/audit?page=2\">下一页</a>"), first);
        String second = b.get("/admin/audit?page=2").body();
        assertTrue(second.contains("<td>user_added</td>"), second);
        assertEquals(400, b.get("/admin/audit?page=x").statusCode());

        // a signed-in session's posts carry its token: the batch form without it is refused
        assertEquals(
            403, b.post("/batch", Map.of("queries", "公务接待费", "by", "region")).statusCode());
        String batchToken = b.token("/batch");
        assertEquals(
            200,
            b.post("/batch", Map.of("_csrf", batchToken, "queries", "公务接待费", "by", "region"))
                .statusCode());

        // sign-out needs the token too, then the session is gone
        assertEquals(403, b.post("/logout", Map.of()).statusCode());
        HttpResponse<String> out = b.post("/logout", Map.of("_csrf", b.token("/")));
        assertEquals(303, out.statusCode());
        assertTrue(b.get("/").body().contains("<a class=\"login\" href=\"/login\">登录</a>"));
        assertEquals(404, b.get("/admin/audit").statusCode());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void readersDoNotSeeTheLogGuessesAreHeldBackAndADisabledAccountIsSignedOut(String database)
      throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      w.users().add("wang", Role.READER, "battery staple".toCharArray(), null, "command line");
      try (TestPortal portal =
          TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")), w)) {
        Browser reader = new Browser(portal);
        assertEquals(303, reader.signIn("wang", "battery staple").statusCode());
        // the log does not exist for a reader, nor its link
        assertTrue(!reader.get("/").body().contains("class=\"audit\""));
        assertEquals(404, reader.get("/admin/audit").statusCode());
        assertEquals(404, reader.get("/admin/audit?format=csv").statusCode());
        // disabled by an admin: the next request is no longer signed in
        w.users().setDisabled("wang", true, "chen", "test");
        assertTrue(reader.get("/").body().contains("<a class=\"login\" href=\"/login\">登录</a>"));

        // five wrong guesses on one name: the sixth attempt is held back, the right password too
        Browser guesser = new Browser(portal);
        w.users().setDisabled("wang", false, "chen", "test");
        for (int i = 0; i < 5; i++)
          assertEquals(401, guesser.signIn("wang", "guess number " + i).statusCode());
        HttpResponse<String> held = guesser.signIn("wang", "battery staple");
        assertEquals(429, held.statusCode());
        assertTrue(held.body().contains("尝试次数过多，请 15 分钟后再试。"), held.body());
        // until the first of the five is 15 minutes old (less the seconds this test took)
        int retry = Integer.parseInt(held.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry > 800 && retry <= 901, "Retry-After " + retry);
        // an unknown name is held back alike
        for (int i = 0; i < 5; i++) guesser.signIn("nobody", "guess number " + i);
        assertEquals(429, guesser.signIn("nobody", "anything at all").statusCode());
        // somewhere else to go after signing in is never another site
        assertEquals("/", AccountController.next("//evil.example/"));
        assertEquals("/", AccountController.next("https://evil.example/"));
        assertEquals("/d/x?q=1", AccountController.next("/d/x?q=1"));
      }
    }
  }
}
