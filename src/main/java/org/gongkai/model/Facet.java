package org.gongkai.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dimensions a search can be narrowed by, in the order pages show them. {@link #key} is the URL
 * parameter, the query filter ({@code region:湖北省}), the API's name and the index's facet dimension;
 * {@link #aliases} are the Chinese filter names a journalist may type ({@code 地区:湖北省}).
 */
public enum Facet {
  REGION("region", List.of("地区", "地域")),
  YEAR("year", List.of("年份", "年度")),
  CATEGORY("category", List.of("类别", "分类")),
  DEPARTMENT("department", List.of("部门")),
  KIND("kind", List.of("类型")),
  /** The standard tables a report lacks or only names (a report may lack several). */
  MISSING("missing", List.of("缺表", "缺少")),
  /**
   * The families of checks a report fails ({@link CheckFamily}'s labels; a report may fail
   * several).
   */
  CHECK("check", List.of("检查", "问题")),
  /**
   * What a file is ({@link PageRole}'s codes): a report, or a list, a news item, a notice, a form,
   * a page of navigation that a crawl brought home beside the reports.
   */
  ROLE("role", List.of("性质", "页面"));

  private final String key;
  private final List<String> aliases;

  Facet(String key, List<String> aliases) {
    this.key = key;
    this.aliases = aliases;
  }

  public String key() {
    return key;
  }

  public List<String> aliases() {
    return aliases;
  }

  /**
   * Whether a record may have several values of the dimension: a report lacks several tables, and
   * has sections of several categories (a section has one).
   */
  public boolean multiValued() {
    return this == MISSING || this == CHECK || this == CATEGORY;
  }

  /**
   * Whether a section has a value of its own (its category); of the other dimensions, a section
   * carries its report's values.
   */
  public boolean ofSection() {
    return this == CATEGORY;
  }

  /** Region is a tree (province → city → county); the others are flat. */
  public boolean hierarchical() {
    return this == REGION;
  }

  /** The dimension a filter name or URL parameter names (its key in any case, or an alias). */
  public static Optional<Facet> named(String name) {
    if (name == null) return Optional.empty();
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (Facet f : values()) if (f.key.equals(n) || f.aliases.contains(n)) return Optional.of(f);
    return Optional.empty();
  }
}
