package org.gongkai.model;

import java.util.List;

/**
 * What a report says of the units its figures cover: the budget units it lists (名称, 性质 where
 * stated), how it lists them ({@code layout}: {@code sentence} — {@code 部门预算包括：A（行政单位）、B（事业单位）};
 * {@code numbered} — {@code 具体如下：1.A下设…}; {@code table} — {@code 序号 单位名称}; {@code none} — {@code
 * 本单位无下属单位}, the report covers its own body alone; {@code self} — a unit's own report saying what
 * it is, {@code A是…全额拨款事业单位}), the count it states ({@code 共计 8 家}, null when unsaid) and its staff
 * where stated ({@code 行政编制333人}). {@code start}/{@code end} are the passage's place in the clean
 * text.
 */
public record UnitReading(
    String layout, List<Unit> units, Count stated, List<Staff> staff, int start, int end) {

  public static final UnitReading NONE = new UnitReading("", List.of(), null, List.of(), -1, -1);

  public UnitReading {
    units = List.copyOf(units);
    staff = List.copyOf(staff);
  }

  /** Whether the report says anything of the units it covers. */
  public boolean read() {
    return !units.isEmpty() || !staff.isEmpty();
  }

  /**
   * The stated count against the list: {@code agrees} (equal, or one fewer where the statement
   * counts the units under the body and the list names the body itself too), {@code differs}, or
   * {@code unstated}. A difference is Gongkai's doubt about its reading as much as the report's —
   * shown, never flagged.
   */
  public String agreement() {
    if (stated == null || units.isEmpty()) return "unstated";
    int n = units.size();
    if (stated.count() == n) return "agrees";
    boolean listsSelf = units.stream().anyMatch(Unit::self);
    if (stated.under() && listsSelf && stated.count() == n - 1) return "agrees";
    return "differs";
  }

  /**
   * One unit: its name as written (a trailing 预算/决算 dropped), its nature normalised ({@code 行政},
   * {@code 参公}, {@code 事业}, {@code 企业}; null when unsaid) and as written, whether it is the
   * reporting body itself ({@code 本级}), and its place in the clean text.
   */
  public record Unit(
      String name, String nature, String natureAsWritten, boolean self, int start, int end) {}

  /**
   * A stated count of units ({@code 共计 8 家}); {@code under} when it counts the units under the body
   * ({@code 7个下属单位}, {@code 21家基层单位}) rather than every budget unit.
   */
  public record Count(int count, boolean under, String asWritten, int start, int end) {}

  /** A stated number of staff: its label as written ({@code 行政编制}, {@code 实有人员}) and the number. */
  public record Staff(String label, int count, int start, int end) {}
}
