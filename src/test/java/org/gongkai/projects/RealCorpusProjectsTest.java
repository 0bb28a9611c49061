package org.gongkai.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.Project;
import org.gongkai.model.ProjectReading;
import org.junit.jupiter.api.Test;

/**
 * The projects of the 29 real development reports ({@code ../shared/corpus/real}; skipped where
 * absent), every one pinned in {@code golden/real-projects.tsv}: 西南大学's budgets of 2023 and 2024
 * publish one form per project (24 and 26, as many as their 项目名称 lines), 普陀 万里's of 2023 five forms
 * in 元; the same project is joined across 西南大学's two years by its key.
 */
class RealCorpusProjectsTest {

  @Test
  void theRealReportsProjectsAreReadAndJoinedAcrossYears() throws Exception {
    assumeTrue(
        Files.isRegularFile(TestSupport.REAL.resolve("gold.tsv")),
        "../shared/corpus/real is not here");
    ProjectReader reader = new ProjectReader();
    StringBuilder golden =
        new StringBuilder("file\tunit\tname\tkey\tamount\tasWritten\tscope\tsource\tproof\n");
    Map<String, ProjectReading> byFile = new TreeMap<>();
    for (CSVRecord g : TestSupport.realGold()) {
      DisclosureDocument d =
          TestSupport.ingestor().document(TestSupport.REAL.resolve(g.get("file")));
      ProjectReading r = reader.read(d.text());
      String n = g.get("file").substring(0, 2);
      byFile.put(n, r);
      for (ProjectReading.Table t : r.tables())
        golden
            .append(n)
            .append("\ttable\t")
            .append(t.title())
            .append('\t')
            .append(t.source())
            .append('\t')
            .append(t.projects())
            .append('\t')
            .append(t.status())
            .append("\t\t\t\n");
      for (Project p : r.projects())
        golden
            .append(
                String.join(
                    "\t",
                    n,
                    String.valueOf(p.unit()),
                    p.name(),
                    p.key(),
                    p.amount().toPlainString(),
                    p.asWritten(),
                    p.scope(),
                    p.source(),
                    p.proof()))
            .append('\n');
    }
    assertEquals(24, byFile.get("25").projects().size());
    assertEquals(26, byFile.get("27").projects().size());
    assertEquals(5, byFile.get("11").projects().size());
    Set<String> y2023 = keys(byFile.get("25")), y2024 = keys(byFile.get("27"));
    y2023.retainAll(y2024);
    assertEquals(18, y2023.size());
    assertEquals(true, y2023.contains("中央高校教育教学改革"), "the same project in both years: " + y2023);
    TestSupport.assertGolden(TestSupport.GOLDEN.resolve("real-projects.tsv"), golden.toString());
  }

  private static Set<String> keys(ProjectReading r) {
    Set<String> out = new TreeSet<>();
    for (Project p : r.projects()) out.add(p.key());
    return out;
  }
}
