package org.gongkai.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a report says of its projects: the projects read ({@link Project}), each project table or
 * form set found with how far its reading is proven, and the report's own statements of how many
 * projects it has and what they cost ({@code 编报绩效目标的项目共12个，涉及项目预算资金3,456.78万元}), the independent
 * check of the rows; {@code flags} where the report contradicts itself about a project (a table's
 * rows against its total, a row against its own funding columns, the words against the row).
 */
public record ProjectReading(
    List<Project> projects,
    List<Table> tables,
    List<Declared> declared,
    List<IndicatorFlag> flags) {

  public static final ProjectReading NONE = new ProjectReading(List.of(), List.of(), List.of());

  public ProjectReading {
    projects = List.copyOf(projects);
    tables = List.copyOf(tables);
    declared = List.copyOf(declared);
    flags = List.copyOf(flags);
  }

  /** A reading that finds nothing to contradict. */
  public ProjectReading(List<Project> projects, List<Table> tables, List<Declared> declared) {
    this(projects, tables, declared, List.of());
  }

  /**
   * A project table (or the forms of a report, one per project) as read: its title, where it
   * begins, what it is ({@code amounts}, {@code targets}, {@code forms}), its rows that state an
   * amount, how many of them are projects, its stated total (in 万元, null when it states none) and
   * {@code status}: {@code sums} (the rows make the table's own total, every subtotal its members),
   * {@code differs} (every row read and made by its own funding columns, and together they do not
   * make the stated total: {@code difference} is the total less the rows, the report's own
   * discrepancy), {@code open} (no total to prove them by, or the sums do not close: read, not
   * proven), {@code unread} (rows whose amount could not be read).
   */
  public record Table(
      String title,
      String source,
      int start,
      int rows,
      int projects,
      BigDecimal total,
      BigDecimal difference,
      String status) {}

  /**
   * A sentence stating the report's project count ({@code count}) and, where it says, their amount
   * in 万元 ({@code amount}, null when unsaid; {@code asWritten} as printed); {@code start} and
   * {@code end} its place in the clean text.
   */
  public record Declared(int count, BigDecimal amount, String asWritten, int start, int end) {}
}
