package org.gongkai.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gongkai.api.Hrefs;
import org.gongkai.model.Facet;
import org.gongkai.model.IndicatorValue;

/**
 * Every href the portal writes, in one place: permalinks to sections and documents, a figure's
 * source, search and facet URLs, pages, the other language, exports. {@code publicUrl} (from {@code
 * serve --public-url}) makes the permalink a citation quotes absolute. Nothing else in the code
 * spells a path of the portal.
 */
public final class Links implements Hrefs {

  /** What travels from a search to what it links to: the query (to mark) and the language. */
  record Carry(String q, boolean english) {
    static final Carry NONE = new Carry("", false);

    /** {@code ?q=…&lang=en}, or empty. */
    String query() {
      StringBuilder sb = new StringBuilder();
      if (q != null && !q.isBlank()) append(sb, "q", q);
      if (english) append(sb, "lang", "en");
      return sb.toString();
    }

    /** The query string with one more parameter. */
    String and(String key, String value) {
      StringBuilder sb = new StringBuilder(query());
      append(sb, key, value);
      return sb.toString();
    }
  }

  private final String publicUrl;

  Links(String publicUrl) {
    this.publicUrl = publicUrl == null ? "" : publicUrl;
  }

  /** Links relative to wherever the portal is served (what the command line prints). */
  public static Links relative() {
    return new Links(null);
  }

  // ---- sections and documents

  @Override
  public String section(String sectionId) {
    return "/s/" + sectionId;
  }

  String section(String sectionId, Carry carry) {
    return section(sectionId) + carry.query();
  }

  /** The section with the search's first hit scrolled to. */
  String sectionHit(String sectionId, Carry carry) {
    return section(sectionId, carry) + (carry.q().isBlank() ? "" : "#hit");
  }

  /** Whether permalinks are absolute: {@code serve --public-url} was given. */
  boolean permalinksAbsolute() {
    return !publicUrl.isEmpty();
  }

  /** The absolute permalink a citation quotes (relative when no public URL is configured). */
  String permalink(String sectionId) {
    return publicUrl + section(sectionId);
  }

  @Override
  public String document(String docId) {
    return "/d/" + docId;
  }

  String document(String docId, Carry carry) {
    return document(docId) + carry.query();
  }

  /** Page {@code page} of a document. */
  String documentPage(String docId, Carry carry, int page) {
    return document(docId) + carry.and("page", String.valueOf(page));
  }

  /** A section where the document shows it: on this page its anchor, on another that page's. */
  String inDocument(String docId, Carry carry, int page, int currentPage, String sectionId) {
    return (page == currentPage ? "" : documentPage(docId, carry, page)) + "#" + sectionId;
  }

  String sectionInDocument(String docId, Carry carry, String sectionId) {
    return document(docId, carry) + "#" + sectionId;
  }

  @Override
  public String tableCsv(String tableId) {
    return "/t/" + tableId + ".csv";
  }

  /** A picture of page {@code page} of the original. */
  String pageImage(String docId, int page) {
    return document(docId) + "/page/" + page + ".png";
  }

  /** The same picture with {@code marks} drawn over where the page states them. */
  String pageImage(String docId, int page, List<String> marks) {
    StringBuilder sb = new StringBuilder();
    for (String m :
        marks.subList(0, Math.min(marks.size(), org.gongkai.extract.PageImages.MAX_MARKS)))
      if (m.length() <= org.gongkai.extract.PageImages.MAX_MARK_LENGTH) append(sb, "hl", m);
    return pageImage(docId, page) + sb;
  }

  /** The original PDF, opened at page {@code page} by the browser's viewer. */
  @Override
  public String originalPage(String docId, int page) {
    return originalFile(docId) + "#page=" + page;
  }

  String originalFile(String docId) {
    return document(docId) + "/file";
  }

  /** The first file is {@code /d/{id}/file}; another of several {@code /d/{id}/file?n=2}. */
  @Override
  public String file(String docId, int n, int of) {
    return n <= 1 ? originalFile(docId) : originalFile(docId) + "?n=" + n;
  }

  @Override
  public String figure(IndicatorValue v) {
    if (v.sectionId() == null) return document(v.docId());
    return passage(v.sectionId(), v.start(), v.end());
  }

  @Override
  public String passage(String sectionId, int start, int end) {
    return section(sectionId) + "?mark=" + start + "-" + end + "#hit";
  }

  /** Where a figure was stated, for a page read in English or Chinese. */
  String figure(IndicatorValue v, boolean english) {
    return localized(figure(v), english);
  }

  String passage(String sectionId, int start, int end, boolean english) {
    return localized(passage(sectionId, start, end), english);
  }

  String document(String docId, boolean english) {
    return localized(document(docId), english);
  }

  String indicators(String indicator, boolean english) {
    return indicators(indicator, Map.of(), null, english);
  }

  /**
   * A page's link as a reader in English follows it: {@code lang=en} added to its query, before its
   * fragment. The language-neutral forms stay what the API, exports and citations quote.
   */
  /**
   * A link a crawled page wrote, when it can be followed from here: an absolute http(s) address. A
   * relative one led within the portal the page came from (unknown here), and anything else (a
   * script) is no link at all: shown as text.
   */
  static String outward(String href) {
    if (href == null) return null;
    String h = href.strip();
    return h.regionMatches(true, 0, "http://", 0, 7) || h.regionMatches(true, 0, "https://", 0, 8)
        ? h
        : null;
  }

  static String localized(String href, boolean english) {
    if (!english) return href;
    int hash = href.indexOf('#');
    String head = hash < 0 ? href : href.substring(0, hash);
    String fragment = hash < 0 ? "" : href.substring(hash);
    return head + (head.indexOf('?') < 0 ? "?" : "&") + "lang=en" + fragment;
  }

  // ---- the workspace's pages

  /** A section's page for a reader in English or Chinese. */
  String section(String sectionId, boolean english) {
    return localized(section(sectionId), english);
  }

  /**
   * Where a note was left: its section with the passage marked as the phrase it is (a span's
   * offsets would not outlive re-indexing), scrolled to.
   */
  String notePassage(String sectionId, String quote) {
    return sectionHit(sectionId, new Carry("\"" + quote.replace("\"", " ") + "\"", false));
  }

  /** The sign-in page, back to {@code next} after. */
  String login(String next) {
    return "/login?next=" + enc(next);
  }

  /** Every note a user may read ({@code query}: its search's parameters, each followed by &). */
  String notes(String query, boolean english) {
    return localized("/notes" + (query.isEmpty() ? "" : "?" + query), english);
  }

  /** The reports one tag was given to. */
  String tagged(String tag, boolean english) {
    return localized("/documents?tag=" + enc(tag), english);
  }

  /** The reports with notes. */
  String noted(boolean english) {
    return localized("/documents?noted=1", english);
  }

  /**
   * The admin's list of the files the index read (#67), sorted by {@code sort} ({@code desc}:
   * largest first), narrowed to an outcome and a page role (null: any), on page {@code page}.
   */
  String files(String sort, boolean desc, String outcome, String role, int page, boolean english) {
    List<String> q = new java.util.ArrayList<>();
    if (sort != null && !sort.equals("file")) q.add("sort=" + enc(sort));
    if (desc) q.add("desc=1");
    if (outcome != null) q.add("outcome=" + enc(outcome));
    if (role != null) q.add("role=" + enc(role));
    if (page > 1) q.add("page=" + page);
    return localized("/documents/files" + (q.isEmpty() ? "" : "?" + String.join("&", q)), english);
  }

  /** The same list, every row of it, as CSV. */
  String filesCsv(String sort, boolean desc, String outcome, String role) {
    String href = files(sort, desc, outcome, role, 1, false);
    return href + (href.indexOf('?') < 0 ? "?" : "&") + "format=csv";
  }

  /** The collections one may read. */
  String collections(boolean english) {
    return localized("/collections", english);
  }

  /** One's saved searches. */
  String savedSearches(boolean english) {
    return localized("/saved", english);
  }

  /** A saved search run again ({@code query}: its stored query string). */
  String savedRun(String query, boolean english) {
    return localized("/search?" + query, english);
  }

  /** One's starred reports. */
  String starred(boolean english) {
    return localized("/starred", english);
  }

  /** The upload form. */
  String uploadForm(boolean english) {
    return localized("/upload", english);
  }

  String collection(long id, boolean english) {
    return localized("/collections/" + id, english);
  }

  /** Where a collection's files are taken out of it. */
  String collectionRemove(long id, boolean english) {
    return localized("/collections/" + id + "/remove", english);
  }

  String savedSearch(long id, boolean english) {
    return localized("/saved/" + id, english);
  }

  /** A saved search's feed (its secret token the only key): absolute for a feed reader. */
  String savedFeed(String token) {
    return "/feed/saved/" + token;
  }

  /** An upload's outcome. */
  String upload(long id, boolean english) {
    return localized("/upload/" + id, english);
  }

  // ---- search

  /** A search page: query, selections in facet order, order, page, language. */
  String search(
      String q, Map<Facet, List<String>> selections, String sort, int page, boolean english) {
    return list("/search", q, selections, sort, page, english, false);
  }

  /**
   * A search ({@code /search}) or a list of reports ({@code /documents}): query, selections in
   * facet order, order, grouping by report, page, language.
   */
  String list(
      String path,
      String q,
      Map<Facet, List<String>> selections,
      String sort,
      int page,
      boolean english,
      boolean byReport) {
    return path + listQuery(q, selections, sort, page, english, byReport);
  }

  /** The query string of a search or a list; empty when there is nothing to say. */
  static String listQuery(
      String q,
      Map<Facet, List<String>> selections,
      String sort,
      int page,
      boolean english,
      boolean byReport) {
    StringBuilder sb = new StringBuilder();
    if (q != null && !q.isBlank()) append(sb, "q", q);
    for (Facet f : Facet.values()) {
      for (String v : selections.getOrDefault(f, List.of())) append(sb, f.key(), v);
    }
    if (sort != null && !sort.equals("relevance")) append(sb, "sort", sort);
    if (byReport) append(sb, "group", "doc");
    if (page > 1) append(sb, "page", String.valueOf(page));
    if (english) append(sb, "lang", "en");
    return sb.toString();
  }

  /** The list of reports with one selection. */
  String documents(Facet facet, String value, boolean english) {
    return list("/documents", "", Map.of(facet, List.of(value)), null, 0, english, false);
  }

  /** Every report of one issuer, across years and kinds. */
  @Override
  public String project(String key) {
    return "/p/" + enc(key);
  }

  String issuer(String issuer, boolean english) {
    StringBuilder sb = new StringBuilder();
    append(sb, "name", issuer);
    if (english) append(sb, "lang", "en");
    return "/issuer" + sb;
  }

  /**
   * What a search's every hit exports to ({@code format} csv or jsonl), or its feed: the same query
   * and selections, absolute when a public URL is set.
   */
  String export(String path, String q, Map<Facet, List<String>> selections, String format) {
    StringBuilder sb = new StringBuilder(listQuery(q, selections, null, 0, false, false));
    if (format != null) append(sb, "format", format);
    return path + sb;
  }

  /** A Host header that names a host and perhaps a port, and nothing else. */
  private static final java.util.regex.Pattern AUTHORITY =
      java.util.regex.Pattern.compile(
          "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]{2,45}\\])(?::\\d{1,5})?");

  /**
   * The absolute permalink a citation on a page quotes: with the public URL when one is set, else
   * with the address this portal was reached at when that is one of its own — this machine's name,
   * {@code localhost}, or an address of one of its network interfaces, at the port it serves on.
   * Any other Host header (a name a request may claim, evil.example) is never copied into a page:
   * then null, and the page says the link is relative.
   */
  String citedPermalink(String sectionId, io.javalin.http.Context ctx) {
    if (!publicUrl.isEmpty()) return permalink(sectionId);
    String host = ctx.host();
    if (host == null || !AUTHORITY.matcher(host).matches()) return null;
    int colon = host.lastIndexOf(':');
    String name = colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    int port = colon > host.lastIndexOf(']') ? Integer.parseInt(host.substring(colon + 1)) : 80;
    if (port != ctx.req().getLocalPort() || !ownAddress(name)) return null;
    return "http://" + host + section(sectionId);
  }

  /**
   * Whether {@code name} names this machine: {@code localhost}, its own host name, or a literal
   * address of one of its interfaces (no name is looked up: a request's Host header decides no
   * lookup).
   */
  static boolean ownAddress(String name) {
    String n =
        name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    if (n.equalsIgnoreCase("localhost")) return true;
    try {
      if (n.equalsIgnoreCase(java.net.InetAddress.getLocalHost().getHostName())) return true;
    } catch (java.io.IOException e) {
      // no name of its own: only addresses then
    }
    if (!n.matches("[0-9.]+|[0-9A-Fa-f:.]+")
        || n.indexOf(':') < 0 && !n.matches("\\d{1,3}(?:\\.\\d{1,3}){3}")) return false;
    try {
      java.net.InetAddress a = java.net.InetAddress.getByName(n); // a literal: no lookup
      return a.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(a) != null;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** {@code href} made absolute with the public URL (unchanged without one). */
  String absolute(String href) {
    return publicUrl + href;
  }

  /**
   * {@code href} made absolute for a file that leaves the portal (an export, a feed): with the
   * public URL when one is set, else with the address the request came to.
   */
  String absolute(String href, io.javalin.http.Context ctx) {
    if (!publicUrl.isEmpty()) return publicUrl + href;
    String host = ctx.host();
    return host == null || host.isBlank() ? href : ctx.scheme() + "://" + host + href;
  }

  String search(String q, boolean english) {
    return search(q, Map.of(), null, 0, english);
  }

  String search(Facet facet, String value, boolean english) {
    return search("", Map.of(facet, List.of(value)), null, 0, english);
  }

  // ---- figures

  /** The figure explorer for {@code indicator} with filters, in an order. */
  String indicators(
      String indicator, Map<Facet, List<String>> filters, String sort, boolean english) {
    StringBuilder sb = new StringBuilder();
    append(sb, "name", indicator);
    filters.forEach((f, values) -> values.forEach(v -> append(sb, f.key(), v)));
    if (sort != null) append(sb, "sort", sort);
    if (english) append(sb, "lang", "en");
    return "/indicators" + sb;
  }

  String indicators(String indicator) {
    return indicators(indicator, Map.of(), null, false);
  }

  /**
   * The explorer's region × department view of {@code indicator}, in {@code year} (null: as {@code
   * filters} ask, the newest year stated when they ask several or none).
   */
  String indicatorsMatrix(
      String indicator, Map<Facet, List<String>> filters, Integer year, boolean english) {
    StringBuilder sb = matrixQuery(indicator, filters, year);
    if (english) append(sb, "lang", "en");
    return "/indicators" + sb;
  }

  /** The view's figure, filters (the year replaced by {@code year} when given) and name. */
  private static StringBuilder matrixQuery(
      String indicator, Map<Facet, List<String>> filters, Integer year) {
    StringBuilder sb = new StringBuilder();
    append(sb, "name", indicator);
    filters.forEach(
        (f, values) -> {
          if (year == null || f != Facet.YEAR) values.forEach(v -> append(sb, f.key(), v));
        });
    if (year != null) append(sb, Facet.YEAR.key(), String.valueOf(year));
    append(sb, "view", "matrix");
    return sb;
  }

  /** The region × department view as CSV ({@code format=csv}) or JSON. */
  String indicatorsMatrixExport(
      String indicator, Map<Facet, List<String>> filters, Integer year, String format) {
    StringBuilder sb = matrixQuery(indicator, filters, year);
    append(sb, "format", format);
    return "/api/indicators" + sb;
  }

  /** The export of the explorer's table. */
  String indicatorsExport(
      String indicator, Map<Facet, List<String>> filters, String format, boolean english) {
    return indicatorsExport(indicator, filters, format, english, null);
  }

  /** The export of the explorer's table, or of its budget-against-actual view. */
  String indicatorsExport(
      String indicator,
      Map<Facet, List<String>> filters,
      String format,
      boolean english,
      String compare) {
    StringBuilder sb = new StringBuilder();
    append(sb, "name", indicator);
    filters.forEach((f, values) -> values.forEach(v -> append(sb, f.key(), v)));
    if (compare != null) append(sb, "compare", compare);
    if (english) append(sb, "lang", "en");
    append(sb, "format", format);
    return "/api/indicators" + sb;
  }

  /** The explorer's several-figures view, each per person of the staff. */
  String indicatorsPerPerson(
      List<String> indicators, Map<Facet, List<String>> filters, boolean english) {
    StringBuilder sb = new StringBuilder();
    for (String i : indicators) append(sb, "name", i);
    filters.forEach((f, values) -> values.forEach(v -> append(sb, f.key(), v)));
    append(sb, "per", "person");
    if (english) append(sb, "lang", "en");
    return "/indicators" + sb;
  }

  /** The explorer's budget-against-actual view of an indicator (the kind filter does not apply). */
  String indicatorsCompare(String indicator, Map<Facet, List<String>> filters, boolean english) {
    StringBuilder sb = new StringBuilder();
    append(sb, "name", indicator);
    filters.forEach(
        (f, values) -> {
          if (f != Facet.KIND) values.forEach(v -> append(sb, f.key(), v));
        });
    append(sb, "compare", "budget");
    if (english) append(sb, "lang", "en");
    return "/indicators" + sb;
  }

  /**
   * An explorer's address ({@code href}) with a level and a role of the figure chosen ({@code
   * level=whole}, {@code role=planned}); either may be null.
   */
  String chosen(String href, String level, String role) {
    StringBuilder sb = new StringBuilder(href);
    if (level != null)
      sb.append(sb.indexOf("?") < 0 ? '?' : '&').append("level=").append(enc(level));
    if (role != null) sb.append(sb.indexOf("?") < 0 ? '?' : '&').append("role=").append(enc(role));
    return sb.toString();
  }

  // ---- the rest

  String home(boolean english) {
    return english ? "/?lang=en" : "/";
  }

  /**
   * The search a batch's count stands for: the query with the batch's selections and the column's
   * value (a region or a year selected; an issuer as {@code issuer:"…"} in the query); the query's
   * total when {@code column} is null.
   */
  public String batchSearch(
      String q, String column, String by, Map<Facet, List<String>> selections) {
    Map<Facet, List<String>> s = new java.util.LinkedHashMap<>();
    selections.forEach((k, v) -> s.put(k, new java.util.ArrayList<>(v)));
    String query = q;
    if (column != null) {
      switch (by) {
        case "region" -> s.put(Facet.REGION, List.of(column));
        case "year" -> s.put(Facet.YEAR, List.of(column));
        default -> query = q + " issuer:\"" + column + "\"";
      }
    }
    return search(query, s, null, 0, false);
  }

  String batch(boolean english) {
    return english ? "/batch?lang=en" : "/batch";
  }

  String help(boolean english) {
    return english ? "/help?lang=en" : "/help";
  }

  /** {@code path} with the query {@code carry} in the other language than {@code carry}'s. */
  String otherLanguage(String path, Carry carry) {
    return path + new Carry(carry.q(), !carry.english()).query();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder sb, String key, String value) {
    sb.append(sb.length() == 0 ? '?' : '&').append(key).append('=').append(enc(value));
  }
}
