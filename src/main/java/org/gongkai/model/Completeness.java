package org.gongkai.model;

import java.util.List;

/**
 * Which of the standard tables a 部门决算 or 部门预算 discloses (fiscal-transparency indices score exactly
 * this): each table of its kind's set, in order, with what the report does with it.
 */
public record Completeness(List<Entry> tables) {

  public Completeness {
    tables = List.copyOf(tables);
  }

  /** Nothing to score: a report of another kind. */
  public static final Completeness NONE = new Completeness(List.of());

  /** What a report does with a standard table. */
  public enum State {
    /** The table is there, with its rows. */
    PRESENT("present"),
    /** The report says the table is empty (空表, 本表无数据, 本部门无…支出). */
    EMPTY("empty"),
    /** The table is there with its header but no rows, and nothing says it is empty. */
    HEADER_ONLY("headerOnly"),
    /**
     * The report names the table (in a list of tables, or as a picture's caption) but its rows are
     * not in the text.
     */
    NAMED("named"),
    /** The report does not mention the table. */
    MISSING("missing");

    private final String key;

    State(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /**
   * One standard table: its number in the set ({@code 01}…{@code 09}), its name, its state, and
   * where the report names it ({@code start} an offset into the clean text, -1 when missing).
   */
  public record Entry(String number, String name, State state, int start) {}

  /**
   * Whether the report follows its kind's standard set of tables: it names most of them (five of
   * nine). A report following another set (a university's, an older template) is not scored by this
   * one.
   */
  public boolean followsStandardSet() {
    return !tables.isEmpty() && tables.size() - in(State.MISSING).size() >= 5;
  }

  /** The tables in this state. */
  public List<Entry> in(State state) {
    return tables.stream().filter(e -> e.state() == state).toList();
  }
}
