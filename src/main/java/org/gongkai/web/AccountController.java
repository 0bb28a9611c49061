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
 * behind an https public URL), their id renewed at sign-in. Every state-changing request of a
 * session is checked for the session's CSRF token: no library does this for Javalin, and a
 * synchronizer token in the session is the whole of it.
 */
final class AccountController {

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

  private Optional<User> lookUp(Context ctx) {
    HttpSession s = ctx.req().getSession(false);
    if (s == null || !(s.getAttribute(USER) instanceof Long id)) return Optional.empty();
    Optional<User> u = workspace.users().byId(id);
    if (u.isEmpty() || u.get().disabled()) {
      s.removeAttribute(USER);
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
   * Refuses a state-changing request whose session (one signed in, or the sign-in form's) does not
   * send its token back: a form of another site cannot act as the user. Requests with no session
   * act as nobody and are not checked.
   */
  void checkCsrf(Context ctx) {
    String m = ctx.method().name();
    if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) return;
    HttpSession s = ctx.req().getSession(false);
    boolean signIn = ctx.path().equals("/login");
    if (s == null && !signIn) return;
    if (s != null && !signIn && s.getAttribute(USER) == null) return;
    String expected = s == null ? null : (String) s.getAttribute(CSRF);
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null) sent = ctx.formParam(CSRF_FIELD);
    if (expected == null
        || sent == null
        || !java.security.MessageDigest.isEqual(expected.getBytes(), sent.getBytes())) {
      pages.error(ctx, 403, "error.csrf");
      ctx.skipRemainingHandlers();
    }
  }

  /** How long the sign-in form's session lives unused (a signed-in one: the handler's 8 hours). */
  private static final int FORM_SESSION_SECONDS = 30 * 60;

  void loginForm(Context ctx) {
    HttpSession s = ctx.req().getSession(true);
    if (s.getAttribute(USER) == null) s.setMaxInactiveInterval(FORM_SESSION_SECONDS);
    if (s.getAttribute(CSRF) == null) newToken(s);
    form(ctx, 200, null);
  }

  void login(Context ctx) {
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
    throttle.succeeded(name);
    // a new session id at sign-in: one planted before cannot ride on it
    ctx.req().changeSessionId();
    HttpSession s = ctx.req().getSession(true);
    s.setMaxInactiveInterval(SIGNED_IN_SECONDS);
    s.setAttribute(USER, user.get().id());
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
        SearchParams.isEnglish(ctx) ? "/?lang=en" : "/", io.javalin.http.HttpStatus.SEE_OTHER);
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
