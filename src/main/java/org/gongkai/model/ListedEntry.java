package org.gongkai.model;

/**
 * One entry a page lists: its title as the page gives it (a link's own {@code title} when its text
 * is cut short), the date beside it ({@code 2026-02-12}, or "" when none), and where it links, as
 * written in the page. When the title names a report ({@code 2026年台州市民政局部门预算公开}), {@code issuer},
 * {@code year} and {@code kind} say which (read when the page was indexed); otherwise they are
 * null.
 */
public record ListedEntry(
    String title, String date, String href, String issuer, Integer year, String kind) {

  public ListedEntry {
    title = clean(title);
    date = date == null ? "" : clean(date);
    href = href == null ? "" : clean(href);
    issuer = issuer == null || issuer.isBlank() ? null : clean(issuer);
    kind = kind == null || kind.isBlank() ? null : clean(kind);
  }

  /** An entry as a page lists it, before what it names is read. */
  public ListedEntry(String title, String date, String href) {
    this(title, date, href, null, null, null);
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').strip();
  }

  /** Whether the entry names a report (an issuer's report of a year and a kind). */
  public boolean namesAReport() {
    return issuer != null && year != null && kind != null;
  }

  /** The same entry naming the report of {@code issuer}, {@code year} and {@code kind}. */
  public ListedEntry naming(String issuer, Integer year, String kind) {
    return new ListedEntry(title, date, href, issuer, year, kind);
  }

  /** One line: title, date, link, issuer, year and kind separated by tabs. */
  public String encode() {
    return title
        + "\t"
        + date
        + "\t"
        + href
        + "\t"
        + (issuer == null ? "" : issuer)
        + "\t"
        + (year == null ? "" : year.toString())
        + "\t"
        + (kind == null ? "" : kind);
  }

  /** The entry of one {@link #encode()}d line, or null when it holds no title. */
  public static ListedEntry decode(String line) {
    String[] p = line.split("\t", -1);
    if (p.length == 0 || p[0].isBlank()) return null;
    Integer year = null;
    if (p.length > 4 && !p[4].isBlank()) {
      try {
        year = Integer.valueOf(p[4].strip());
      } catch (NumberFormatException e) {
        year = null;
      }
    }
    return new ListedEntry(
        p[0],
        p.length > 1 ? p[1] : "",
        p.length > 2 ? p[2] : "",
        p.length > 3 ? p[3] : null,
        year,
        p.length > 5 ? p[5] : null);
  }
}
