package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.gongkai.model.Section;
import org.gongkai.model.TextTable;
import org.gongkai.text.Tables;
import org.junit.jupiter.api.Test;

/** A section's tables found once per text, and never another text's. */
class SectionTablesTest {

  private static final String A =
      "表1 收支总表\n单位：万元\n项目\t预算数\n一般公共服务支出\t120.00\n教育支出\t80.00\n合计\t200.00\n";

  private static Section whole(String text) {
    return new Section("d-1", "1", 1, "表1", List.of(), "其他", 0, 0, text.length());
  }

  private static List<List<String>> rows(List<TextTable> tables) {
    return tables.stream().flatMap(t -> t.rows().stream()).toList();
  }

  @Test
  void aTextsTablesAreFoundOnceAndAnotherTextsAreItsOwn() {
    // a text of the same length and sections, its amounts other: another instance is another text
    String b = A.replace("120.00", "130.00").replace("80.00", "70.00");
    List<TextTable> first = SectionTables.of(A, whole(A));
    assertEquals(rows(Tables.find("d-1", A)), rows(first));
    assertSame(first, SectionTables.of(A, whole(A)));
    List<TextTable> other = SectionTables.of(b, whole(b));
    assertEquals(rows(Tables.find("d-1", b)), rows(other));
    assertEquals(
        List.of("一般公共服务支出", "130.00"),
        rows(other).stream().filter(r -> r.get(0).startsWith("一般")).findFirst().orElseThrow());
    // and back: the first text's tables again, not the second's
    assertEquals(rows(first), rows(SectionTables.of(A, whole(A))));
  }
}
