package org.gongkai.projects;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.ProjectReading;

/**
 * Finds the sentences where a report says how many projects it has and what they cost — the
 * independent check of its project rows: {@code 编报绩效目标的项目共12个，涉及项目预算资金3,456.78万元}, {@code
 * 涉及预算资金1,531.45万元，设置并编报5个项目绩效目标}, {@code 共计31个一级项目，涉及资金28,506.17万元}, {@code
 * 共9个项目纳入绩效目标管理，涉及财政性资金合计1,234.00万元}. A count is taken only from a sentence about projects' targets
 * or their money (绩效 or 涉及…资金 in it), never from one counting something else.
 */
final class Declared {

  private Declared() {}

  /**
   * The ways a count of projects is said: {@code 共9个项目}, {@code 设置并编报5个项目}, {@code 共计31个一级项目},
   * {@code 涉及项目7个}, {@code 项目共12个}, {@code 编报绩效目标的2024年度项目39个}, and {@code 项目1个} opening a clause —
   * never a number of projects inside a target's words ({@code 典型项目3个}).
   */
  private static final List<Pattern> COUNTS =
      List.of(
          Pattern.compile("项目(?:共|共计)\\s*(\\d{1,4})\\s*个"),
          Pattern.compile("(?:共|共计|设置并编报|编报|纳入|涉及)\\s*(\\d{1,4})\\s*个\\s*(?:一级|二级)?项目"),
          Pattern.compile("(?:涉及|共)\\s*项目\\s*(\\d{1,4})\\s*个"),
          Pattern.compile("编报绩效目标的[^，。；,]{0,12}?项目\\s*(\\d{1,4})\\s*个"),
          Pattern.compile("(?:^|[，,：:])\\s*项目\\s*(\\d{1,4})\\s*个"));

  private static final Pattern AMOUNT =
      Pattern.compile(
          "涉及[^。；，,]{0,12}?资金(?:合计|总额|共计|共)?\\s*([0-9][0-9,]*(?:\\.\\d+)?)\\s*(万元|元|亿元)");

  static List<ProjectReading.Declared> find(String text) {
    List<ProjectReading.Declared> out = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int end = nextEnd(text, from);
      String sentence = text.substring(from, end);
      // a sentence, not a table's cells run together
      if (sentence.indexOf('个') >= 0
          && (sentence.contains("绩效") || sentence.contains("涉及"))
          && sentence.contains("项目")
          && sentence.indexOf('\t') < 0) {
        String flat = sentence.replace("\n", "");
        Matcher c = null;
        boolean found = false;
        for (Pattern p : COUNTS) {
          c = p.matcher(flat);
          if (c.find()) {
            found = true;
            break;
          }
        }
        if (found && !flat.substring(Math.max(0, c.start() - 6), c.start()).contains("其中")) {
          int count = Integer.parseInt(c.group(1));
          Matcher a = AMOUNT.matcher(flat);
          BigDecimal amount = null;
          String written = null;
          if (a.find()) {
            written = a.group(1) + a.group(2);
            amount = ProjectTables.wan(ProjectTables.decimal(a.group(1)), a.group(2));
          }
          if (count > 0) out.add(new ProjectReading.Declared(count, amount, written, from, end));
        }
      }
      from = end + 1;
    }
    return out;
  }

  private static int nextEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '。' || ch == '；' || ch == ';') return i;
      if (ch == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') return i;
      if (i - from > 400) return i;
    }
    return text.length();
  }
}
