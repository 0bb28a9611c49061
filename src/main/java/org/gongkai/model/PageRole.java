package org.gongkai.model;

import java.util.Optional;

/**
 * What a file is before what kind of report it is: a report, or one of the other things a crawl of
 * a portal brings home (a page that links to one file, a list of entries, a news item, a notice, a
 * form, a page of navigation). {@link #code} is the API's and the facet's word; only a {@link
 * #REPORT} is given a report's kind.
 */
public enum PageRole {
  REPORT("report", "报告"),
  /** A page whose content is one document's title and a link to its file (not indexed). */
  LANDING("landing", "链接页"),
  /** A column's list of entries (titles with dates and links), perhaps one page of several. */
  LIST("list", "列表页"),
  NEWS("news", "新闻"),
  /** An official notice, announcement, call for comment or rule issued by a body. */
  NOTICE("notice", "通知公告"),
  /** A form or check-list to be filled in, stating no amounts of its own. */
  FORM("form", "表格"),
  /** A portal's home or menu page: blocks of links, or next to no content of its own. */
  NAVIGATION("navigation", "导航页"),
  /** A document that is none of these and states no report's figures. */
  OTHER("other", "其他文件");

  private final String code;
  private final String label;

  PageRole(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** The Chinese word a journalist may type for it ({@code 性质:列表页}). */
  public String label() {
    return label;
  }

  public static Optional<PageRole> ofCode(String code) {
    for (PageRole r : values()) if (r.code.equals(code)) return Optional.of(r);
    return Optional.empty();
  }

  /** The role named by its code or its Chinese word. */
  public static Optional<PageRole> of(String codeOrLabel) {
    for (PageRole r : values())
      if (r.code.equals(codeOrLabel) || r.label.equals(codeOrLabel)) return Optional.of(r);
    return Optional.empty();
  }

  /** The role of {@code code}, a report when it is missing (indexes before roles were read). */
  public static PageRole orReport(String code) {
    return code == null ? REPORT : ofCode(code).orElse(REPORT);
  }
}
