package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gongkai.text.Starts;

/**
 * The passages of a report about a body other than its issuer: a department's report that goes
 * through its units one by one ({@code 一、市建筑工务署本级}, {@code 二、市建筑工务署工程管理中心}, each with its own 预算,
 * 公用经费 and 项目支出) says under each heading that body's figures, not the department's. A passage runs
 * from such a heading to the next heading of its level or above (一、, 第X部分). A heading naming the
 * issuer itself (the one unit of a one-unit department) is the whole's. Pure.
 */
public final class OtherBodies {

  /** No passage is another body's. */
  public static final OtherBodies NONE = new OtherBodies(List.of(), List.of());

  /** A numbered heading that is a body's name and nothing else: 二、市建筑工务署工程管理中心. */
  private static final Pattern BODY_HEADING =
      Pattern.compile(
          "^[ \\t\\u3000]*[一二三四五六七八九十]{1,3}、[ \\t\\u3000]*([^\\s，。；：:、]{2,40}?"
              + "(?:本级|局|中心|站|所|院|队|馆|处|办公室|委员会|署|学校|医院|大学|学院|协会|公司|机关)"
              + "(?:[（(]本级[)）])?)[ \\t\\u3000]*$",
          Pattern.MULTILINE);

  /** A heading of the same level or above: where a body's passage ends. */
  private static final Pattern NEXT =
      Pattern.compile("^[ \\t\\u3000]*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]+部分)", Pattern.MULTILINE);

  private static final Starts BODY_HEADINGS = Starts.atLineStarts(BODY_HEADING);
  private static final Starts NEXTS = Starts.atLineStarts(NEXT);

  private final List<int[]> ranges;
  private final List<Boolean> selves;

  private OtherBodies(List<int[]> ranges, List<Boolean> selves) {
    this.ranges = ranges;
    this.selves = selves;
  }

  /** Whether the passage {@code i} is the department's own 本级 (its accounts without its units). */
  boolean self(int i) {
    return selves.get(i);
  }

  public static OtherBodies of(String text, String issuer) {
    List<int[]> out = new ArrayList<>();
    List<Boolean> selves = new ArrayList<>();
    Starts.Scan m = BODY_HEADINGS.in(text);
    Starts.Scan next = NEXTS.in(text);
    while (m.find()) {
      String body = m.group(1);
      if (!body.contains("本级") && sameBody(body, issuer)) continue;
      int end = text.length();
      if (next.find(m.end())) end = next.start();
      out.add(new int[] {m.start(), end});
      selves.add(body.contains("本级"));
    }
    return out.isEmpty() ? NONE : new OtherBodies(out, selves);
  }

  /** Whether a heading's body is the issuer (深圳市信访局 for 深圳市信访局; 市信访局 for it too). */
  private static boolean sameBody(String body, String issuer) {
    if (issuer == null || issuer.isBlank()) return false;
    String b = body.replaceFirst("^.{0,8}?[省市区县]", ""),
        i = issuer.replaceFirst("^.{0,8}?[省市区县]", "");
    return body.equals(issuer) || b.equals(i) || issuer.endsWith(body);
  }

  /** Which passage about another body {@code offset} lies in (its number), or -1 for none. */
  public int at(int offset) {
    for (int i = 0; i < ranges.size(); i++)
      if (ranges.get(i)[0] <= offset && offset < ranges.get(i)[1]) return i;
    return -1;
  }
}
