package org.gongkai.web;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.workspace.AuditEntry;
import org.gongkai.workspace.LoginThrottle;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;

/**
 * Signing in and out of a workspace, and its audit log for admins (thin: the accounts, the throttle
 * and the log are {@link Workspace}'s). Sessions are Jetty's (an HttpOnly, SameSite cookie; Secure
 * behind an https public URL), made only at sign-in, with a new id. Every state-changing request of
 * a signed-in session, whatever its path, is checked for the session's CSRF token; the sign-in
 * form, which has no session, carries a token bound to a random cookie of its own by an HMAC with
 * the process's key (a double-submit token: nothing is kept on the server before sign-in, so no
 * request can fill its memory). No library does either for Javalin, and a synchronizer token and
 * one HMAC are the whole of it.
 */
final class AccountController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/login", this::loginForm);
    on.post("/login", this::login);
    on.post("/logout", this::logout);
    on.get("/admin/audit", this::audit);
  }

  static final String USER = "gongkai.user";
  static final String CSRF = "gongkai.csrf";

  /** The form field and the header a CSRF token may come in. */
  static final String CSRF_FIELD = "_csrf";

  static final String CSRF_HEADER = "X-CSRF-Token";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long a signed-in session lives unused. */
  static final int SIGNED_IN_SECONDS = 8 * 3600;

  private static final int AUDIT_PAGE = 200;

  private final Workspace workspace;
  private final LoginThrottle throttle;
  private final Pages pages;

  AccountController(Workspace workspace, LoginThrottle throttle, Pages pages) {
    this.workspace = workspace;
    this.throttle = throttle;
    this.pages = pages;
  }

  Workspace workspace() {
    return workspace;
  }

  /** Where a request keeps its user once looked up (the header, the page and its access ask). */
  private static final String CURRENT = "gongkai.current";

  /** The user signed in on this request's session (none when disabled since). */
  Optional<User> current(Context ctx) {
    @SuppressWarnings("unchecked")
    Optional<User> known = (Optional<User>) ctx.attribute(CURRENT);
    if (known != null) return known;
    Optional<User> u = lookUp(ctx);
    ctx.attribute(CURRENT, u);
    return u;
  }

  /** This request answers as nobody signed in (the workspace's database cannot be asked). */
  void unknown(Context ctx) {
    ctx.attribute(CURRENT, Optional.<User>empty());
  }

  /** When the session signed in (epoch milliseconds). */
  static final String SIGNED_IN_AT = "gongkai.signedInAt";

  private Optional<User> lookUp(Context ctx) {
    HttpSession s = ctx.req().getSession(false);
    if (s == null || !(s.getAttribute(USER) instanceof Long id)) return Optional.empty();
    Optional<User> u = workspace.users().byId(id);
    // disabled, or its password set since this session signed in (a reset by an admin after a
    // leak): signed out here and now
    long at = s.getAttribute(SIGNED_IN_AT) instanceof Long l ? l : 0L;
    if (u.isEmpty() || u.get().disabled() || u.get().passwordSetAt().toEpochMilli() > at) {
      s.invalidate();
      return Optional.empty();
    }
    return u;
  }

  /** The CSRF token of this request's session, or null when it has none (no form to post). */
  static String token(Context ctx) {
    HttpSession s = ctx.req().getSession(false);
    return s == null ? null : (String) s.getAttribute(CSRF);
  }

  private static String newToken(HttpSession s) {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    s.setAttribute(CSRF, t);
    return t;
  }

  /**
   * Refuses a state-changing request of a signed-in session that does not send the session's token
   * back, whatever its path: a form of another site cannot act as the user. Decided by the method
   * alone (GET, HEAD and OPTIONS change nothing). A request with no signed-in session acts as
   * nobody: every handler that changes something asks who is signed in, and signing in checks its
   * own form's token ({@link #login}).
   */
  void checkCsrf(Context ctx) {
    String m = ctx.method().name();
    if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) return;
    HttpSession s = ctx.req().getSession(false);
    if (s == null || s.getAttribute(USER) == null) return;
    if (!sentBack(ctx, (String) s.getAttribute(CSRF))) {
      pages.error(ctx, 403, "error.csrf");
      ctx.skipRemainingHandlers();
    }
  }

  /** Whether the request sends {@code expected} back (in the header or the form's field). */
  private static boolean sentBack(Context ctx, String expected) {
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null) sent = ctx.formParam(CSRF_FIELD);
    return expected != null
        && sent != null
        && java.security.MessageDigest.isEqual(
            expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            sent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The sign-in form's cookie: a random value its token is bound to. */
  static final String FORM_COOKIE = "gongkai_login";

  /** The process's key for the sign-in form's tokens (a restart makes open forms ask again). */
  private static final byte[] FORM_KEY = new byte[32];

  static {
    RANDOM.nextBytes(FORM_KEY);
  }

  /** The sign-in form's token for the cookie value {@code nonce}. */
  static String formToken(String nonce) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(FORM_KEY, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(nonce.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e); // every Java has HMAC-SHA256
    }
  }

  /**
   * The token the sign-in form carries: a signed-in session's own, else one bound to the form's
   * cookie (set now if the request has none). Nothing is kept on the server.
   */
  String formToken(Context ctx) {
    String session = token(ctx);
    if (session != null && current(ctx).isPresent()) return session;
    String nonce = ctx.cookie(FORM_COOKIE);
    if (nonce == null || !nonce.matches("[A-Za-z0-9_-]{32}")) {
      byte[] b = new byte[24];
      RANDOM.nextBytes(b);
      nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      ctx.res()
          .addHeader(
              "Set-Cookie",
              FORM_COOKIE
                  + "="
                  + nonce
                  + "; Path=/; HttpOnly; SameSite=Strict"
                  + (secure ? "; Secure" : ""));
    }
    return formToken(nonce);
  }

  /** Whether the sign-in form's cookie is sent with a Secure flag (an https public URL). */
  private volatile boolean secure;

  void secureCookies(boolean secure) {
    this.secure = secure;
  }

  /** Whether the sign-in form posted its own token back (bound to its cookie), or a session's. */
  private boolean formTokenSentBack(Context ctx) {
    if (current(ctx).isPresent() && sentBack(ctx, token(ctx))) return true;
    String nonce = ctx.cookie(FORM_COOKIE);
    return nonce != null && nonce.matches("[A-Za-z0-9_-]{32}") && sentBack(ctx, formToken(nonce));
  }

  void loginForm(Context ctx) {
    form(ctx, 200, null);
  }

  void login(Context ctx) {
    // the form's own token, on every path that reaches here (/login/ too): a form of another site
    // cannot sign anyone in
    if (!formTokenSentBack(ctx)) {
      pages.error(ctx, 403, "error.csrf");
      return;
    }
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    String address = ctx.ip();
    Instant now = Instant.now();
    Duration wait = throttle.wait(name, address, now);
    if (!wait.isZero()) {
      workspace.audit().record(null, "login_held_back", name, address);
      ctx.header("Retry-After", String.valueOf(wait.toSeconds() + 1));
      form(ctx, 429, pages.text(locale(ctx), "login.wait", (wait.toMinutes() + 1)));
      return;
    }
    Optional<User> user = workspace.users().authenticate(name, password.toCharArray(), address);
    if (user.isEmpty()) {
      throttle.failed(name, address, now);
      // the same words whether the name exists, is disabled or the password is wrong
      form(ctx, 401, pages.text(locale(ctx), "login.failed"));
      return;
    }
    throttle.succeeded(name, address);
    // a new session at sign-in: one planted or used before cannot ride on it
    HttpSession old = ctx.req().getSession(false);
    if (old != null) old.invalidate();
    HttpSession s = ctx.req().getSession(true);
    s.setMaxInactiveInterval(SIGNED_IN_SECONDS);
    s.setAttribute(USER, user.get().id());
    s.setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
    ctx.attribute(CURRENT, user);
    newToken(s);
    ctx.redirect(next(ctx.formParam("next")), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) {
    HttpSession s = ctx.req().getSession(false);
    if (s != null) {
      current(ctx).ifPresent(u -> workspace.audit().record(u.name(), "logout", u.name(), ctx.ip()));
      s.invalidate();
    }
    ctx.attribute(CURRENT, Optional.<User>empty());
    ctx.redirect(
        Links.localized("/", SearchParams.isEnglish(ctx)), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** The audit log, newest first, to an admin; to anyone else the page does not exist. */
  void audit(Context ctx) {
    Optional<User> u = current(ctx);
    if (u.isEmpty() || u.get().role() != Role.ADMIN) {
      pages.error(ctx, 404, "error.notFound", Pages.localPath(ctx));
      return;
    }
    if ("csv".equals(ctx.queryParam("format"))) {
      StringBuilder csv = new StringBuilder("\ufeffat,actor,action,target,address\n");
      List<AuditEntry> all = workspace.audit().newest(Integer.MAX_VALUE, 0);
      for (AuditEntry e : all)
        csv.append(
                String.join(
                    ",",
                    e.at().toString(),
                    csv(e.actor()),
                    csv(e.action()),
                    csv(e.target()),
                    csv(e.address())))
            .append('\n');
      ctx.header("Content-Disposition", "attachment; filename=\"gongkai-audit.csv\"");
      ctx.contentType("text/csv; charset=utf-8");
      ctx.result(csv.toString());
      return;
    }
    int page =
        SearchParams.strictParam(ctx.queryParam("page"), 1, Integer.MAX_VALUE, "error.badPage");
    Map<String, Object> model = new HashMap<>();
    model.put("entries", workspace.audit().newest(AUDIT_PAGE, (page - 1) * AUDIT_PAGE));
    model.put("total", workspace.audit().size());
    model.put("page", page);
    model.put("pages", Math.max(1, (workspace.audit().size() + AUDIT_PAGE - 1) / AUDIT_PAGE));
    pages.render(ctx, "audit", model, pages.text(locale(ctx), "audit.title"), "/admin/audit");
  }

  private void form(Context ctx, int status, String error) {
    ctx.status(status);
    Map<String, Object> model = new HashMap<>();
    model.put("error", error);
    model.put("csrf", formToken(ctx));
    model.put(
        "next",
        next(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")));
    pages.render(ctx, "login", model, pages.text(locale(ctx), "login.title"), "/login");
  }

  /** Where to go after signing in: a path of this site only (never {@code //elsewhere}). */
  static String next(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.chars().anyMatch(c -> c < 0x20)) return "/";
    return next;
  }

  /** A CSV cell: safe in a spreadsheet (no formula), quoted when it must be. */
  private static String csv(String cell) {
    if (cell == null) return "";
    String t = org.gongkai.api.CsvCells.text(cell);
    return t.matches("(?s).*[,\"\r\n].*") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
  }

  private static Locale locale(Context ctx) {
    return SearchParams.locale(ctx);
  }
}
