package org.gongkai.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.Notice;
import org.gongkai.model.Role;

/**
 * The portal's words in Chinese (the default) and English, from {@code
 * templates/i18n/messages_*.properties} (UTF-8): pages, notices on how a query was read ({@code
 * note.<code>}) and the contradictions found in reports ({@code flag.<code>}). Search and the
 * checks produce codes with arguments; only this class turns them into sentences. In development
 * mode the files are read again on every lookup, so edits show at once.
 */
public final class Wording {

  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private static final class Bundled {
    static final Wording INSTANCE = new Wording(null);
  }

  private final Path devTemplates; // null: read once from the classpath
  private final Properties zh;
  private final Properties en;

  public Wording(Path devTemplates) {
    this.devTemplates = devTemplates;
    this.zh = load("zh");
    this.en = load("en");
  }

  /** The words shipped in the jar. */
  public static Wording bundled() {
    return Bundled.INSTANCE;
  }

  public static boolean isEnglish(Locale locale) {
    return locale != null && locale.getLanguage().equals("en");
  }

  /**
   * The message {@code key} in {@code locale}, filled with {@code args}; {@code ??key??} when
   * missing.
   */
  public String get(Locale locale, String key, Object... args) {
    String pattern = pattern(locale, key);
    if (pattern == null) return "??" + key + "??";
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** Whether {@code key} has words in {@code locale}. */
  public boolean has(Locale locale, String key) {
    return pattern(locale, key) != null;
  }

  /** A notice on how a query was read, in {@code locale}. */
  public String notice(Locale locale, Notice n) {
    return get(locale, "note." + n.code(), n.args().toArray());
  }

  /**
   * A contradiction found in a report, in {@code locale}; figures and roles named in its language.
   */
  public String flag(Locale locale, IndicatorFlag f) {
    List<Object> args = new ArrayList<>();
    for (String a : f.args()) args.add(argument(locale, a));
    // a table the report gives no title is said so, not named by empty quotation marks (表“”)
    String key = "flag." + f.code();
    if (!f.args().isEmpty() && f.args().get(0).isBlank() && has(locale, key + ".untitled"))
      key += ".untitled";
    // a contradiction read through several sums: the first said, the others counted (details)
    if (f.args().size() > 2 && f.args().get(2).matches("[1-9]\\d*") && has(locale, key + ".more"))
      key += ".more";
    return get(locale, key, args.toArray());
  }

  /**
   * What a flag says beyond its one line, each a line of its own: the sums of one contradiction
   * after its first ({@code table_sum}); empty for the rest.
   */
  public static List<String> details(IndicatorFlag f) {
    if (!"table_sum".equals(f.code()) || f.args().size() < 4 || "0".equals(f.args().get(2)))
      return List.of();
    return List.of(f.args().get(3).split("；"));
  }

  /** An indicator's name in {@code locale} (the report's own word in Chinese). */
  public String figure(Locale locale, String indicatorId) {
    String key = "indicator." + indicatorId;
    if (isEnglish(locale) && has(locale, key)) return get(locale, key);
    return Indicator.byId(indicatorId).map(i -> i.label).orElse(indicatorId);
  }

  /** A role's name in {@code locale} (the report's own word in Chinese). */
  public String role(Locale locale, Role role) {
    String key = "role." + role.name();
    return isEnglish(locale) && has(locale, key) ? get(locale, key) : role.label();
  }

  /** A report kind's name in {@code locale} ({@code 部门决算} in Chinese, as the reports say). */
  public String kind(Locale locale, String label) {
    if (label == null || !isEnglish(locale)) return label;
    return org.gongkai.model.ReportKind.ofLabel(label)
        .map(k -> "kind." + k.name())
        .filter(k -> has(locale, k))
        .map(k -> get(locale, k))
        .orElse(label);
  }

  /** A section category's name in {@code locale} ({@code 三公经费} in Chinese). */
  public String category(Locale locale, String label) {
    if (label == null || !isEnglish(locale)) return label;
    String key = "category." + label;
    return has(locale, key) ? get(locale, key) : label;
  }

  /**
   * A unit as a reader of {@code locale} reads it: {@code 万元} is {@code × 10,000 yuan} in English
   * (the figure stays as the report states it; the unit says what to multiply by); a unit with no
   * English name stays as written.
   */
  public String unit(Locale locale, String unit) {
    if (unit == null || unit.isEmpty() || !isEnglish(locale)) return unit;
    String key = "unit." + unit;
    return has(locale, key) ? get(locale, key) : unit;
  }

  /** A department type's name in {@code locale} ({@code 总工会} in Chinese). */
  public String department(Locale locale, String type) {
    if (type == null || !isEnglish(locale)) return type;
    String key = "department." + type;
    if (has(locale, key)) return get(locale, key);
    if (type.equals("其他")) return "Other";
    // a type named by the issuer's own words (本级政府, 口岸管理局): what kind of body its last word
    // says, with its Chinese name beside (an English reader is not left with Chinese alone)
    for (String[] e : BODIES) if (type.endsWith(e[0])) return e[1] + " (" + type + ")";
    return type;
  }

  /** What the last word of a body's name says it is, longest first. */
  private static final String[][] BODIES = {
    {"委员会", "Commission"},
    {"办公室", "Office"},
    {"办事处", "Office"},
    {"政府", "Government"},
    {"中心", "Centre"},
    {"学校", "School"},
    {"医院", "Hospital"},
    {"协会", "Association"},
    {"联合会", "Federation"},
    {"局", "Bureau"},
    {"委", "Commission"},
    {"办", "Office"},
    {"厅", "Department"},
    {"部", "Department"},
    {"院", "Institute"},
    {"所", "Institute"},
    {"站", "Station"},
    {"队", "Team"},
    {"馆", "Hall"},
    {"处", "Office"},
    {"校", "School"},
    {"会", "Association"},
    {"社", "Agency"},
  };

  /** A standard table's name in {@code locale} ({@code 收入支出决算总表} in Chinese). */
  public String table(Locale locale, String name) {
    if (name == null || !isEnglish(locale)) return name;
    String key = "standardTable." + name;
    return has(locale, key) ? get(locale, key) : name;
  }

  /**
   * A family of checks in {@code locale}: its Chinese label as the facet stores it, in English from
   * {@code check.<id>}.
   */
  /**
   * What a file is ({@link org.gongkai.model.PageRole}'s code) in {@code locale}: 列表页, List page.
   */
  public String pageRole(Locale locale, String code) {
    if (code == null) return null;
    String key = "pageRole." + code;
    return has(locale, key) ? get(locale, key) : code;
  }

  public String check(Locale locale, String label) {
    if (label == null || !isEnglish(locale)) return label;
    return org.gongkai.model.CheckFamily.named(label)
        .map(f -> get(locale, "check." + f.id()))
        .orElse(label);
  }

  /** A flag's severity in {@code locale} ({@code severity.ERROR} …). */
  public String severity(Locale locale, org.gongkai.model.IndicatorFlag.Severity s) {
    return get(locale, "severity." + s.name());
  }

  /**
   * A scope in {@code locale}: whose money, which money and which year, each part named ({@code
   * 部门整体·全部资金·本年}).
   */
  public String scope(Locale locale, org.gongkai.model.Scope scope) {
    return scope(locale, scope, null);
  }

  /**
   * The scope of a figure of {@code indicator}: a government's figure (一般公共预算收入 of a city) is named
   * by its level and year ({@code 全市·本年}, {@code 市本级·上年}) — its money is its indicator's.
   */
  public String scope(Locale locale, org.gongkai.model.Scope scope, String indicator) {
    if (indicator != null && indicator.startsWith("gov_"))
      return get(locale, "scope.level." + scope.whose())
          + get(locale, "scope.separator")
          + get(locale, "scope.period." + scope.period());
    return get(locale, "scope.whose." + scope.whose())
        + get(locale, "scope.separator")
        + get(locale, "scope.funds." + scope.funds())
        + get(locale, "scope.separator")
        + get(locale, "scope.period." + scope.period());
  }

  /**
   * The scope shown beside a figure: none for a department's headline scope (the whole department,
   * all money, its year), which goes without saying; a government's level always (全市 and 市级 are the
   * pair most often confused).
   */
  public String shownScope(Locale locale, org.gongkai.model.IndicatorValue v) {
    boolean government = v.indicator() != null && v.indicator().startsWith("gov_");
    if (!government && v.scope().equals(org.gongkai.model.Scope.WHOLE)) return null;
    return scope(locale, v.scope(), v.indicator());
  }

  /**
   * How a value is confirmed, in {@code locale}: each code of {@code by} worded ({@code
   * text_and_table} → 正文与表格一致), joined; empty when nothing confirms it.
   */
  public String verification(Locale locale, List<String> by) {
    List<String> out = new java.util.ArrayList<>();
    for (String code : by)
      out.add(has(locale, "verify." + code) ? get(locale, "verify." + code) : code);
    return String.join(get(locale, "verify.separator"), out);
  }

  private String argument(Locale locale, String a) {
    if (a.startsWith("figure:")) return figure(locale, a.substring("figure:".length()));
    if (a.startsWith("scope:"))
      return org.gongkai.model.Scope.ofCode(a.substring("scope:".length()))
          .map(sc -> scope(locale, sc))
          .orElse(a);
    if (a.startsWith("level:")) {
      // a government's level (全市, 市级, 本级): see GovernmentChecks
      String key = "scope.level." + a.substring("level:".length());
      return has(locale, key) ? get(locale, key) : a;
    }
    if (a.startsWith("role:")) {
      try {
        return role(locale, Role.valueOf(a.substring("role:".length())));
      } catch (IllegalArgumentException e) {
        return a;
      }
    }
    return a;
  }

  private String pattern(Locale locale, String key) {
    String lang = isEnglish(locale) ? "en" : "zh";
    Properties p = devTemplates != null ? load(lang) : (lang.equals("en") ? en : zh);
    return p.getProperty(key);
  }

  private Properties load(String lang) {
    String name = "i18n/messages_" + lang + ".properties";
    Properties p = new Properties();
    try (InputStream in =
        devTemplates != null
            ? Files.newInputStream(devTemplates.resolve(name))
            : Wording.class.getResourceAsStream("/templates/" + name)) {
      if (in == null) throw new IllegalStateException("missing " + name);
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
