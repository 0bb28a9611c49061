package org.gongkai.model;

import java.math.BigDecimal;

/**
 * One project a report funds, as its project table, its targets table or a project's own form
 * states it: {@code name} as written (a name the page wrapped over lines joined again), {@code key}
 * its normalised form (years, codes, numbering, 《》 and quotes, a 项目/专项 suffix dropped) that joins
 * the same project across reports and years, {@code unit} the budget unit it is under where the
 * report says (null when it does not), {@code amount} in 万元 ({@code asWritten} the cell as printed,
 * with its unit), {@code scope} {@code 全部} for the project's whole funding and {@code 财政拨款} for its
 * appropriation alone, {@code target} its performance target where a targets table or form states
 * one.
 *
 * <p>{@code source} says where it was read ({@code table}, {@code targets}, {@code form}); {@code
 * title} that table's or form's title; {@code start} and {@code end} the name's place in the clean
 * text; {@code proof} why the amount is believed: {@code sums} (its table's rows make the table's
 * own totals), {@code parts} (its row's funding columns make its amount), {@code both} (a project
 * table and a targets table state it alike), or {@code stated} (read, proven by nothing else).
 */
public record Project(
    String name,
    String key,
    String unit,
    BigDecimal amount,
    String asWritten,
    String scope,
    String target,
    String source,
    String title,
    int start,
    int end,
    String proof) {

  public Project withProof(String p) {
    return new Project(
        name, key, unit, amount, asWritten, scope, target, source, title, start, end, p);
  }

  public Project withTarget(String t) {
    return new Project(
        name, key, unit, amount, asWritten, scope, t, source, title, start, end, proof);
  }
}
