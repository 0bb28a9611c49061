package org.gongkai.text;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.RowCode;
import org.gongkai.model.Section;
import org.gongkai.model.TextTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table of every bundled file (and of the legacy Word and Excel fixtures), cell by cell,
 * against {@code golden/tables/NAME.tables.txt}: a heading line per table (id, page, title, unit,
 * header rows), its columns' headers and roles, its rows' subject codes, then its rows, cells
 * separated by {@code |}.
 */
class TablesGoldenTest {

  private static final Path DIR = TestSupport.GOLDEN.resolve("tables");

  static Stream<Path> files() {
    return Stream.concat(
        TestSupport.corpusFiles().stream(),
        Stream.of(
            Path.of("src/test/resources/fixtures/formats/merged-cells.doc"),
            Path.of("src/test/resources/fixtures/formats/merged-cells.odt"),
            Path.of("src/test/resources/fixtures/formats/merged-cells.xls")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void tablesMatchGoldenFiles(Path file) throws Exception {
    DisclosureDocument d = TestSupport.ingestor().document(file);
    StringBuilder out = new StringBuilder();
    for (Section s : d.sections()) {
      String text = d.text().substring(s.start(), s.end());
      for (TextTable t : Tables.find(s.id(), text)) {
        int page = d.pages(s).at(t.start());
        out.append("## ")
            .append(t.id())
            .append(" · page ")
            .append(page == 0 ? "-" : page)
            .append(" · ")
            .append(t.title() == null ? "(no title)" : t.title())
            .append(" · ")
            .append(t.unit() == null ? "(no unit)" : t.unit())
            .append(" · header rows ")
            .append(t.headerRows())
            .append('\n');
        out.append(describe(t));
        for (List<String> row : t.rows()) out.append(String.join(" | ", row)).append('\n');
      }
    }
    TestSupport.assertGolden(
        DIR.resolve(file.getFileName() + ".tables.txt"),
        out.length() == 0 ? "(no tables)\n" : out.toString());
  }

  /**
   * {@code columns: 科目编码 [code] | 科目名称 [label] | …} (a column without a header as {@code -}) and,
   * when the rows have subject codes, {@code codes: 205 类 教育支出; …}.
   */
  static String describe(TextTable t) {
    StringBuilder out = new StringBuilder("columns: ");
    for (int c = 0; c < t.heads().size(); c++) {
      if (c > 0) out.append(" | ");
      String head = t.heads().get(c);
      out.append(head.isEmpty() ? "-" : head);
      if (t.roles().get(c) != null) out.append(" [").append(t.roles().get(c).key()).append(']');
    }
    out.append('\n');
    StringBuilder codes = new StringBuilder();
    for (RowCode code : t.codes()) {
      if (code == null) continue;
      codes.append(codes.length() == 0 ? "codes: " : "; ").append(code.code());
      codes.append(' ').append(code.level()).append(' ').append(code.name());
    }
    if (codes.length() > 0) out.append(codes).append('\n');
    return out.toString();
  }
}
