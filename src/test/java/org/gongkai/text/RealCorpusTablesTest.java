package org.gongkai.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.Section;
import org.gongkai.model.TextTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The summary table (收支预算总表 / 收支决算总表) of each real development report ({@code
 * ../shared/corpus/real/}; skipped where absent), cell by cell, with its title, unit, page, column
 * roles and the rows that continue it on the next page, against {@code
 * golden/real-tables/NAME.summary.txt}. The reports given only as text (no table in the file) say
 * so. The goldens hold what Gongkai reads, not the reports' files.
 */
class RealCorpusTablesTest {

  private static final Path DIR = TestSupport.GOLDEN.resolve("real-tables");

  /** A summary table's title: income and spending together, not the fiscal-appropriation one. */
  private static final Pattern SUMMARY = Pattern.compile("收支(?:预算|决算)?总表|收入支出(?:预算|决算)?总表");

  static Stream<Path> files() throws Exception {
    if (!Files.isDirectory(TestSupport.REAL)) return Stream.of(Path.of("(absent)"));
    try (Stream<Path> s = Files.list(TestSupport.REAL)) {
      return s
          .filter(p -> p.getFileName().toString().matches("[0-9]{2}_.*\\.(pdf|html)"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void summaryTablesMatchGoldenFiles(Path file) throws Exception {
    assumeTrue(Files.isRegularFile(file), "../shared/corpus/real is not here");
    DisclosureDocument d = TestSupport.ingestor().document(file);
    String out = "(no summary table)\n";
    search:
    for (Section s : d.sections()) {
      String text = d.text().substring(s.start(), s.end());
      for (TextTable t : Tables.find(s.id(), text)) {
        if (t.title() == null || !SUMMARY.matcher(t.title()).find() || t.title().contains("财政拨款"))
          continue;
        int page = d.pages(s).at(t.start());
        StringBuilder sb = new StringBuilder();
        sb.append("## ")
            .append(t.title())
            .append(" · page ")
            .append(page == 0 ? "-" : page)
            .append(" · ")
            .append(t.unit() == null ? "(no unit)" : t.unit())
            .append(" · header rows ")
            .append(t.headerRows())
            .append('\n');
        sb.append(TablesGoldenTest.describe(t));
        for (List<String> row : t.rows()) sb.append(String.join(" | ", row)).append('\n');
        out = sb.toString();
        break search;
      }
    }
    String name = file.getFileName().toString();
    TestSupport.assertGolden(DIR.resolve(name.substring(0, 2) + ".summary.txt"), out);
  }
}
