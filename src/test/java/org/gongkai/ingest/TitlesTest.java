package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Titles as lists and pages hand them over, tidied: dates, column tags and repetitions dropped. */
class TitlesTest {

  @Test
  void aDateAListGluedBeforeOrAfterATitleIsDropped() {
    assertEquals("长沙市财政局2026年部门预算公开", Titles.tidy("2026-02-12长沙市财政局2026年部门预算公开"));
    assertEquals("南漳县气象局单位预算公开", Titles.tidy("南漳县气象局单位预算公开2026-02-12"));
    assertEquals("某县民政局2024年度部门决算公开", Titles.tidy("某县民政局2024年度部门决算公开 [2025-09-25]"));
    assertEquals("某市民政局2026年度单位预算公开", Titles.tidy("02-28 某市民政局2026年度单位预算公开"));
    assertEquals("某县统计局2026年部门预算", Titles.tidy("某县统计局2026年部门预算（2026年2月12日）"));
  }

  @Test
  void aColumnsTagAndTheSameWordsSaidAgainAreDropped() {
    assertEquals("某市公安局2026年度部门预算公开", Titles.tidy("[部门预决算] 某市公安局2026年度部门预算公开 02-14"));
    assertEquals("某局部门预算(2026)", Titles.tidy("某局部门预算(2026)某局部门预算(2026)某局部门预算(2026)"));
    assertEquals("某局部门预算 2026", Titles.tidy("某局部门预算 2026 某局部门预算 2026"));
  }

  @Test
  void whatNamesTheReportStays() {
    // the year of the report, a table's number, a short title: not dates
    assertEquals("2026年部门预算", Titles.tidy("2026年部门预算"));
    assertEquals("某局2024年度部门决算公开表1-2", Titles.tidy("某局2024年度部门决算公开表1-2"));
    assertEquals("2026-02-12", Titles.tidy("2026-02-12"));
    assertEquals(null, Titles.tidy("  "));
  }
}
