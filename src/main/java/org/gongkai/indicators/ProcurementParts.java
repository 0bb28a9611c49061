package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Scope;

/**
 * 政府采购's parts (货物, 工程, 服务) are what its total's list names, nothing else: {@code …政府采购预算X万元，其中：
 * 政府采购货物预算A万元、…}. A part's words alone say too little — {@code 工程类项目300万元} is as often a project
 * list's, {@code 拟购买服务支出} 政府购买服务's, a different programme — so a part is kept only where it follows
 * a statement of the total in the same passage, led to by 其中, 包括 or a colon, and then takes the
 * total's role and scope: the list of 年初政府采购预算 in a final account is the budget's, 局本级's the 本级's.
 * A total compared with in passing (比2025年政府采购预算X) leads no list.
 */
final class ProcurementParts {

  private ProcurementParts() {}

  /** How far after its total a list's first part may stand, and a part after the one before. */
  private static final int FIRST_REACH = 120;

  private static final int NEXT_REACH = 40;

  /** The words leading from a total to its list. */
  private static final Pattern LEAD = Pattern.compile("其中|包括|分别|[：:]");

  /**
   * A sentence ended between them — unless the next one opens with the list (。其中：); a list's items
   * may be parted by semicolons (其中拟采购货物支出A万元；拟采购工程支出B万元；…).
   */
  private static final Pattern STOP = Pattern.compile("[。！？](?!\\s*其\\s*中)|\\n\\s*\\n");

  static List<IndicatorValue> underTheirTotals(List<IndicatorValue> sorted, String text) {
    List<IndicatorValue> out = new ArrayList<>(sorted.size());
    IndicatorValue total = null;
    int lastEnd = -1;
    boolean listing = false;
    for (IndicatorValue v : sorted) {
      if (v.indicator().equals(Indicator.PROCUREMENT_TOTAL.id)) {
        out.add(v);
        // a total compared with (比2025年…预算X) is no list's: the one stated before it keeps its own
        if (v.scope().period() == Scope.Period.PREVIOUS && total != null) continue;
        total = v;
        lastEnd = v.end();
        listing = false;
        continue;
      }
      if (!isPart(v.indicator())) {
        out.add(v);
        continue;
      }
      if (total == null || v.start() < lastEnd || v.start() > text.length()) continue;
      String gap = text.substring(lastEnd, v.start());
      boolean follows =
          listing
              ? gap.length() <= NEXT_REACH && !STOP.matcher(gap).find()
              : gap.length() <= FIRST_REACH
                  && LEAD.matcher(gap).find()
                  && !STOP.matcher(gap).find();
      if (!follows) continue;
      out.add(v.withRole(total.role()).withScope(total.scope()));
      lastEnd = v.end();
      listing = true;
    }
    return out;
  }

  /** The parts' ids: {@link Reading#PROCUREMENT_PARTS}. */
  private static final java.util.Set<String> PARTS =
      Reading.PROCUREMENT_PARTS.stream()
          .map(i -> i.id)
          .collect(java.util.stream.Collectors.toSet());

  private static boolean isPart(String id) {
    return PARTS.contains(id);
  }
}
