package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.Quote;

/**
 * A list of amounts each written with its share ({@code 人员支出 250,110.65 万元，占 61.9%；日常公用支出 47,792.58
 * 万元，占 11.8%；项目支出 106,512.00万元，占 26.3%}) whose shares make 100%: the list is the whole, and each
 * share must be its amount of the list's sum — whatever the items are called, read as figures or
 * not (a template's own words for its kinds of spending, its sources of income, its functions). One
 * wrong amount moves every share: said once, at the item most off. A list whose shares do not make
 * 100% is of some whole it does not state, and is left alone. Pure: paragraphs in, flags out.
 */
final class ShareLists {

  private ShareLists() {}

  private static final String NUMBER =
      "([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)";

  /** An item: its name, its amount and unit, and the share written right after it. */
  private static final Pattern ITEM =
      Pattern.compile(
          "([\\p{IsHan}（）()“”\"、]{2,24}?)\\s*(?:为|是|：|:)?\\s*"
              + NUMBER
              + "\\s*(亿元|万元|元)\\s*[，,、（(]?\\s*占(?:比|比例|比重)?[\\p{IsHan}“”\"（）()]{0,12}?\\s*(?:的)?\\s*(?:比(?:重|例))?\\s*(?:为)?\\s*"
              + "([0-9]+(?:\\.[0-9]+)?)\\s*[%％]");

  /** What may stand between two items of one list: a separator and a few words, no sentence end. */
  private static final Pattern BETWEEN =
      Pattern.compile("[）)]?\\s*[；;，,、]?\\s*(?:其中|以及|和|及)?[：:]?\\s*");

  /** Most items a list is judged with; the first ones of a longer list are not a whole. */
  private static final int MOST = 40;

  private record Item(
      String name, double wan, String written, String unit, String share, int start, int end) {}

  static void check(Prose.Paragraph p, List<IndicatorFlag> out) {
    String s = p.text();
    if (s.indexOf('占') < 0) return;
    Matcher m = ITEM.matcher(s);
    List<Item> list = new ArrayList<>();
    int lastEnd = -1;
    while (m.find()) {
      Item it = item(m);
      if (!list.isEmpty()
          && !BETWEEN.matcher(s.substring(lastEnd, m.start())).matches()
          && !adjoins(s, lastEnd, m.start())) {
        judge(p, list, out);
        list = new ArrayList<>();
      }
      list.add(it);
      lastEnd = m.end();
    }
    judge(p, list, out);
  }

  /** Whether the next item's name begins right after the last one's share (no words between). */
  private static boolean adjoins(String s, int from, int to) {
    return s.substring(from, to).strip().matches("[；;，,、。]?");
  }

  private static Item item(Matcher m) {
    String name = m.group(1).replaceAll("^(?:包括|其中|分别为|主要为|主要是|具体为)", "");
    double n = Double.parseDouble(m.group(2).replace(",", ""));
    double wan =
        switch (m.group(3)) {
          case "元" -> n / 10_000;
          case "亿元" -> n * 10_000;
          default -> n;
        };
    int start = m.start(1) + m.group(1).length() - name.length();
    return new Item(name, wan, m.group(2), m.group(3), m.group(4), start, m.end());
  }

  private static void judge(Prose.Paragraph p, List<Item> list, List<IndicatorFlag> out) {
    if (list.size() < 2 || list.size() > MOST) return;
    double shares = 0, sum = 0, room = 0;
    for (Item it : list) {
      shares += Double.parseDouble(it.share());
      sum += it.wan();
      room += Amounts.halfUnitWan(it.written(), it.unit());
    }
    if (Math.abs(shares - 100) > 0.1 * list.size() || sum <= 0) return;
    if (list.stream().filter(it -> it.wan() > 0).count() < 2) return;
    Item worst = null;
    double worstOff = 0, worstExpected = 0;
    for (Item it : list) {
      double written = Double.parseDouble(it.share());
      // the amounts' own rounding moves a share a little: as much as their half units of the sum
      double expected = it.wan() / sum * 100;
      double slack = room / sum * 100;
      if (ConsistencyChecker.agrees(
          expected, written, ConsistencyChecker.halfUnit(it.share()) + slack)) continue;
      double off = Math.abs(expected - written);
      if (off > worstOff) {
        worst = it;
        worstOff = off;
        worstExpected = expected;
      }
    }
    if (worst == null) return;
    int from = list.get(0).start(), to = list.get(list.size() - 1).end();
    out.add(
        new IndicatorFlag(
            "share",
            "share_of_parts",
            List.of(
                worst.name(),
                ConsistencyChecker.fmt(worst.wan()),
                worst.share(),
                ConsistencyChecker.fmt(sum),
                ConsistencyChecker.fmtPct(worstExpected)),
            List.of(),
            null,
            List.of(new Quote(s(p, from, to), p.offset(from), p.endOffset(to)))));
  }

  private static String s(Prose.Paragraph p, int from, int to) {
    return p.text().substring(from, to);
  }
}
