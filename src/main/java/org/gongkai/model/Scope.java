package org.gongkai.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a stated amount is about, besides its {@link Role}: whose money ({@code whose}: the report's
 * issuer as a whole, its own 本级, one of its units or one project), which money ({@code funds}: all
 * sources, or only 财政拨款, 一般公共预算, 政府性基金 or 国有资本经营 funds) and which year ({@code period}: the
 * report's own, or the year before). Read from a table's title and columns or from a sentence's
 * words. Two statements of one figure contradict each other only when their scopes and roles are
 * the same.
 */
public record Scope(Whose whose, Funds funds, Period period) {

  /** Whose money. */
  public enum Whose {
    /** The report's issuer as a whole (a 部门's report covers its units; a 单位's report, itself). */
    WHOLE,
    /** The department's own 本级 accounts, without its units. */
    SELF,
    /** One unit of the department (所属单位, a named unit's row). */
    UNIT,
    /** One project (a 项目支出绩效自评表's score, a project's own figures). */
    PROJECT,
    /**
     * A government's own level (市级, 县级, 省级): its budget without the lower levels' (全市 is {@link
     * #WHOLE}); some reports tell a narrower 市本级 ({@link #SELF}) apart from it.
     */
    LEVEL
  }

  /** Which money. */
  public enum Funds {
    ALL,
    /** 财政拨款: appropriations from the treasury of every budget (一般公共预算 + 政府性基金 + 国有资本经营). */
    FISCAL,
    GENERAL,
    FUND,
    STATE_CAPITAL
  }

  /** Which year. */
  public enum Period {
    CURRENT,
    PREVIOUS
  }

  /** The scope of a report's headline figures: the whole issuer, all money, its own year. */
  public static final Scope WHOLE = new Scope(Whose.WHOLE, Funds.ALL, Period.CURRENT);

  public Scope {
    java.util.Objects.requireNonNull(whose);
    java.util.Objects.requireNonNull(funds);
    java.util.Objects.requireNonNull(period);
  }

  public Scope withFunds(Funds f) {
    return new Scope(whose, f, period);
  }

  public Scope withWhose(Whose w) {
    return new Scope(w, funds, period);
  }

  public Scope withPeriod(Period p) {
    return new Scope(whose, funds, p);
  }

  /**
   * The scope as the API writes it: {@code whole/all/current} ({@code whose/funds/period} in lower
   * case).
   */
  public String code() {
    return (whose + "/" + funds + "/" + period).toLowerCase(Locale.ROOT);
  }

  /** The scope a {@link #code()} names, if it names one. */
  public static Optional<Scope> ofCode(String code) {
    if (code == null) return Optional.empty();
    String[] p = code.toUpperCase(Locale.ROOT).split("/");
    if (p.length != 3) return Optional.empty();
    try {
      return Optional.of(new Scope(Whose.valueOf(p[0]), Funds.valueOf(p[1]), Period.valueOf(p[2])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
