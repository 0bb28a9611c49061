package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Scope;
import org.gongkai.model.SourceKind;

/**
 * Totals written without their kind ({@code 收入预算X万元}) decided: the grand total, or the year's total
 * where nothing is carried over, or the grand total less the carry-over its own words list; and
 * totals confirmed by the parts their own words list.
 */
final class YearTotals extends Reading {

  /**
   * Words of where a budget's money comes from: a report silent on carry-overs is taken to carry
   * none only where it speaks of its sources at all.
   */
  private static final Pattern SOURCE_WORDS =
      Pattern.compile("财\\s*政\\s*拨\\s*款|一\\s*般\\s*公\\s*共\\s*预\\s*算");

  /** Words of money carried over from earlier years, as letter-spaced PDFs write them too. */
  private static final Pattern CARRY_WORDS =
      Pattern.compile("结\\s*[转余]|以\\s*前\\s*年\\s*度|事\\s*业\\s*基\\s*金");

  YearTotals(Reading r) {
    super(r);
  }

  // ---- totals written without their kind

  /**
   * A plainly named total ({@code 本单位收入为X}) is the year's, unless its own breakdown lists a
   * carry-over ({@code 其中：…上年结转结余Z万元}): then it is the grand total.
   */
  List<IndicatorValue> plainTotalsWithCarryOver(List<IndicatorValue> values) {
    List<IndicatorValue> out = new ArrayList<>(values.size());
    for (IndicatorValue v : values) {
      String family = families.get(v.start());
      boolean plain = "plain_income".equals(family) || "plain_spending".equals(family);
      if (plain
          && v.sourceKind() == SourceKind.TEXT
          && Boolean.TRUE.equals(breakdown.carried(v, family.equals("plain_income"))))
        out.add(renamed(v, Indicator.GRAND_TOTAL));
      else out.add(v);
    }
    return out;
  }

  /**
   * A text's 收入总计 (or 支出总计) that equals the summary table's year total and not its grand total
   * names the year's figure so: it is a statement of the year's total.
   */
  List<IndicatorValue> yearTotalsNamedTotals(List<IndicatorValue> values) {
    Ledger l = headlineLedger();
    if (l == null) return values;
    Ledger.Item inGrand = l.item(l.income, Ledger.Kind.GRAND);
    Ledger.Item outGrand = l.item(l.spending, Ledger.Kind.GRAND);
    Ledger.Item inYear = l.item(l.income, Ledger.Kind.YEAR_TOTAL);
    Ledger.Item outYear = l.item(l.spending, Ledger.Kind.YEAR_TOTAL);
    List<IndicatorValue> out = new ArrayList<>();
    for (IndicatorValue v : values) {
      if (v.indicator().equals(Indicator.GRAND_TOTAL.id)
          && v.sourceKind() == SourceKind.TEXT
          && v.scope().equals(Scope.WHOLE)
          && v.valueWan() != null) {
        String label = text.substring(Math.max(0, v.start() - 20), v.start());
        boolean spending = label.lastIndexOf("支出") > label.lastIndexOf("收入");
        Ledger.Item grand = spending ? outGrand : inGrand;
        Ledger.Item year = spending ? outYear : inYear;
        if (grand != null && year != null && !agrees(v, wan(grand, l)) && agrees(v, wan(year, l))) {
          Indicator ind = spending ? Indicator.EXPENDITURE_TOTAL : Indicator.INCOME_TOTAL;
          out.add(renamed(v, ind));
          continue;
        }
      }
      out.add(v);
    }
    return out;
  }

  /**
   * A total read as a grand total ({@code 收入预算：年初预算数504.51万元}) whose breakdown names a carry-over
   * after parts that already add up to it ({@code 其中：一般公共预算拨款204.51万元，…事业收入300万元； 上年结转结余资金29.81万元})
   * is the year's total: the carry-over is stated beside it, not in it.
   */
  List<IndicatorValue> yearTotalsBesideCarryOver(List<IndicatorValue> values) {
    List<IndicatorValue> out = new ArrayList<>(values.size());
    for (IndicatorValue g : values) {
      if (!g.indicator().equals(Indicator.GRAND_TOTAL.id)
          || g.sourceKind() != SourceKind.TEXT
          || g.valueWan() == null) {
        out.add(g);
        continue;
      }
      String label = text.substring(Math.max(0, g.start() - 20), g.start());
      int cut = Math.max(label.lastIndexOf('，'), label.lastIndexOf('。'));
      label = label.substring(cut + 1);
      boolean income = label.contains("收入") && !label.contains("支出");
      boolean spending = label.contains("支出") && !label.contains("收入");
      if (income == spending || !breakdown.besideCarryOver(g, income)) {
        out.add(g);
        continue;
      }
      out.add(renamed(g, income ? Indicator.INCOME_TOTAL : Indicator.EXPENDITURE_TOTAL));
    }
    return out;
  }

  /**
   * 收入合计 and 支出合计 a report states only through its grand total ({@code 收入预算X万元}, {@code 收入预算总计 X
   * 万元。包括：…}): where nothing is carried over — the sentence's breakdown lists no carry-over or one
   * of 0, or else the summary table carries nothing — the year's total is the grand total. Only
   * where the report states no year total of its own.
   */
  List<IndicatorValue> yearTotalsWithoutCarryOver(List<IndicatorValue> values) {
    List<IndicatorValue> out = new ArrayList<>();
    Ledger ledger = headlineLedger();
    for (Indicator yearInd : List.of(Indicator.INCOME_TOTAL, Indicator.EXPENDITURE_TOTAL)) {
      boolean stated =
          values.stream()
              .anyMatch(
                  v ->
                      v.indicator().equals(yearInd.id)
                          && v.role() == own
                          && v.scope().equals(Scope.WHOLE)
                          && v.valueWan() != null
                          && v.sourceKind() != SourceKind.DERIVED);
      if (stated) continue;
      boolean income = yearInd == Indicator.INCOME_TOTAL;
      String side = income ? "收入" : "支出";
      for (IndicatorValue g : values) {
        if (!g.indicator().equals(Indicator.GRAND_TOTAL.id)
            || g.role() != own
            || g.sourceKind() != SourceKind.TEXT
            || !g.scope().equals(Scope.WHOLE)
            || g.valueWan() == null) continue;
        String label = text.substring(Math.max(0, g.start() - 20), g.start());
        int cut = Math.max(label.lastIndexOf('，'), label.lastIndexOf('。'));
        label = label.substring(cut + 1);
        boolean both = label.matches(".*收[、，,]?支.*|.*收入[、，,]?支出.*");
        if (!both && !label.contains(side)) continue;
        if (!both && label.contains(income ? "支出" : "收入")) continue;
        Boolean carried = breakdown.carried(g, income);
        // a breakdown listing no carry-over beside a carry-over of money stated elsewhere (its
        // own section: 财政拨款收入X，其中：本年收入A，上年结转收入B) may hold it inside a part
        if (Boolean.FALSE.equals(carried) && breakdown.carryStatedElsewhere(g, income))
          carried = null;
        BigDecimal carry = Boolean.TRUE.equals(carried) ? breakdown.carriedIn(g, income) : null;
        // 收入预算X万元（含上年结转Y万元）: the year's is X less Y
        if (carry == null) carry = breakdown.heldCarry(g, income);
        if (carry == null && income && breakdown.foldsCarry(g)) {
          // 收入预算X万元…。上述收入包括2025年结转并编制到2026年预算的资金, no amount of it anywhere: the
          // report's income holds the carry-over and never separates it — its figure, said so
          // (含上年结转), never taken for the year's income alone
          out.add(renamed(g, yearInd).withCarryOver(true));
          break;
        }
        if (carry != null) {
          // 收入预算X万元，其中：…上年结转Y万元, the parts adding up to X: the year's is X less Y
          out.add(lessCarryOver(g, yearInd, carry, side));
          break;
        }
        if (carried == null)
          carried =
              ledger == null ? null : ledger.carries(income ? ledger.income : ledger.spending);
        if (carried == null && grandsAgree(values, g) && carriesNothingSaid()) {
          // no breakdown, no summary table to say: a report that speaks of its sources and never
          // once of money carried over (nor of 以前年度, nor of 事业基金) carries none; 29 of 29
          // such budgets surveyed had none, every budget with a carry-over named it somewhere
          out.add(
              derived(
                  renamed(g, yearInd),
                  g.source()
                      + (silentOnCarryOver()
                          ? "（全文未提及结转结余：" + side + "总计即本年" + side + "）"
                          : "（所述结转结余皆为零：" + side + "总计即本年" + side + "）")));
          break;
        }
        if (carried == null || carried) continue;
        out.add(derived(renamed(g, yearInd), g.source() + "（" + side + "总计所列无结转：即本年" + side + "）"));
        break;
      }
    }
    return out;
  }

  /**
   * Whether the report never speaks of money carried over: no 结转, 结余, 以前年度 or 事业基金 (a glossary's
   * 使用以前年度积累的事业基金 is the only word of it in some templates), letter-spaced or not, anywhere in its
   * text.
   */
  boolean silentOnCarryOver() {
    return SOURCE_WORDS.matcher(text).find() && !CARRY_WORDS.matcher(text).find();
  }

  /**
   * Whether the report says of carry-overs nothing but that there are none: silent on them, or
   * every word of one stated with an amount of 0 ({@code 上年结转结余为0万元}) or said to be none ({@code
   * 本部门无此项结转资金}).
   */
  boolean carriesNothingSaid() {
    if (!SOURCE_WORDS.matcher(text).find()) return false;
    for (Matcher m = CARRY_WORDS.matcher(text); m.find(); ) {
      String before = text.substring(Math.max(0, m.start() - 8), m.start());
      if (before.matches(".*无[^，,。；;\\n]*")) continue; // 本部门无此项结转资金
      Double amount = Breakdown.amountAfter(text, m.end(), 16);
      if (amount != null && amount == 0) continue;
      return false;
    }
    return true;
  }

  /** Whether every statement of the whole's grand total this year says what {@code g} says. */
  private boolean grandsAgree(List<IndicatorValue> values, IndicatorValue g) {
    for (IndicatorValue v : values)
      if (v.indicator().equals(Indicator.GRAND_TOTAL.id)
          && v.role() == own
          && v.scope().equals(Scope.WHOLE)
          && v.valueWan() != null
          && !agrees(v, g.valueWan())) return false;
    return true;
  }

  /**
   * The year's total of a grand total whose own breakdown lists the carry-over among parts that add
   * up to it: the grand total less the carry-over, said so in its source.
   */
  private IndicatorValue lessCarryOver(
      IndicatorValue g, Indicator yearInd, BigDecimal carryWan, String side) {
    String unit = g.unit() == null ? "万元" : g.unit();
    BigDecimal carry =
        switch (unit) {
          case "元" -> carryWan.movePointRight(4);
          case "亿元" -> carryWan.movePointLeft(4);
          default -> carryWan;
        };
    BigDecimal value = BigDecimal.valueOf(g.value()).subtract(carry).stripTrailingZeros();
    String written = writtenLike(value, g.asWritten()) + unit;
    // a year's total the report states nowhere is its arithmetic on amounts it does state (the
    // parts its breakdown lists adding up to the total, or the carry-over the total says it holds):
    // the figure's headline, computed and said so (#64: the explorer sorts and compares it, marked
    // 算得), never quoted as stated
    boolean stated = statesAmount(Amounts.wan(value, unit));
    String source =
        g.source()
            + "（"
            + side
            + "总计减所列结转 "
            + carry.stripTrailingZeros().toPlainString()
            + unit
            + "：即本年"
            + side
            + (stated ? "" : "；报告未列明此数")
            + "）";
    return derived(renamed(g, yearInd), source)
        .withAmount(value.doubleValue(), unit, written, Amounts.wan(value, unit).doubleValue());
  }

  /**
   * {@code value} written as {@code like} writes its number: its decimals and its thousands' commas
   * ({@code 1,250.00万元} less 200 is {@code 1,050.00}), so that a computed amount shows, and is
   * compared to, the precision of the amounts it comes from.
   */
  static String writtenLike(BigDecimal value, String like) {
    String digits = like == null ? "" : like.replaceAll("[^0-9.,]", "");
    int point = digits.lastIndexOf('.');
    int decimals = point < 0 ? 0 : digits.length() - point - 1;
    BigDecimal v =
        value.setScale(
            Math.max(decimals, Math.max(0, value.stripTrailingZeros().scale())),
            java.math.RoundingMode.UNNECESSARY);
    if (!digits.contains(",")) return v.toPlainString();
    java.text.DecimalFormat f =
        new java.text.DecimalFormat(
            "#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
    f.setMinimumFractionDigits(v.scale());
    f.setMaximumFractionDigits(v.scale());
    return f.format(v);
  }

  /**
   * Whether the report writes an amount anywhere — in 万元 or in 元, to the cent — as a table cell or
   * in words: a derived total it states elsewhere (a 收入总表's 本年收入 the rows did not name) is its own.
   */
  private boolean statesAmount(BigDecimal wan) {
    BigDecimal yuan = wan.movePointRight(4);
    for (Matcher m = NUMBER.matcher(text); m.find(); ) {
      BigDecimal n;
      try {
        n = Amounts.decimal(m.group());
      } catch (NumberFormatException e) {
        continue;
      }
      // a change (增加4,800万元) or the other year's amount a comparison names (比上年预算数4,800万元)
      // states no amount of this year's
      if ((n.subtract(wan).abs().doubleValue() < 0.006 || n.subtract(yuan).abs().doubleValue() < 1)
          && !Comparison.changeOrCompared(text, m.start(), year)) return true;
    }
    return false;
  }

  /**
   * Totals whose own words list their parts, and the parts add up to them ({@code 收入预算总计 20849.45
   * 万元。包括：1．财政拨款收入预算总计 20702.25 万元。2．财政专户管理资金收入预算总计 147.20 万元。}, {@code
   * 收入预算9,101.68万元，其中：财政拨款收入9,101.68万元；事业收入0万元}): confirmed by their {@code breakdown}.
   */
  // ---- a total's own breakdown

  List<IndicatorValue> breakdowns(List<IndicatorValue> values) {
    List<IndicatorValue> out = new ArrayList<>(values.size());
    for (IndicatorValue v : values) {
      boolean total = LEDGER_TOTALS.stream().anyMatch(i -> i.id.equals(v.indicator()));
      if (total && v.sourceKind() == SourceKind.TEXT && v.valueWan() != null && breakdown.addsUp(v))
        out.add(v.verifiedBy(List.of("breakdown")));
      else out.add(v);
    }
    return out;
  }
}
