package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.Section;
import org.junit.jupiter.api.Test;

/**
 * An OpenDocument text ({@code .odt}, LibreOffice's and WPS's own format): its headings end their
 * lines (Tika writes none after them), so its sections are found; its tables keep rows as rows and
 * merged cells followed by the cells they cover.
 */
class OpenDocumentTest {

  static final Path ODT = Path.of("src/test/resources/fixtures/formats/merged-cells.odt");

  @Test
  void headingsAreLinesAndTablesKeepTheirColumns() throws Exception {
    DisclosureDocument d = TestSupport.ingestor().document(ODT);
    assertEquals(
        List.of("第一部分部门概况", "第二部分 2023年度部门决算表", "第三部分 2023年度部门决算情况说明"),
        d.sections().stream()
            .filter(s -> s.id().matches(".*-[0-9]+"))
            .map(Section::heading)
            .toList());
    assertEquals(LegacyOfficeTest.DOC_TABLES, between(d.text(), "收入支出决算总表", "\n第三部分"));
    assertEquals("西吉县农业农村局", d.issuer());
    assertEquals(2023, d.year());
  }

  private static String between(String text, String from, String to) {
    int a = text.indexOf(from);
    return text.substring(a, text.indexOf(to, a));
  }
}
