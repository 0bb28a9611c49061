package org.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.gongkai.model.Project;
import org.gongkai.model.ProjectReading;
import org.gongkai.projects.ProjectReader;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's synthetic project tables (#68, {@code bench --project-tables}) are tables the
 * reader reads whole: every row a project proven by the table's sums, its amount its cell's.
 */
class SyntheticProjectTablesTest {

  @Test
  void everyGeneratedTableIsReadWholeAndProvenByItsSums() {
    int tables = 0, projects = 0;
    for (int seed = 0; seed < 200; seed++) {
      String table = SyntheticCorpus.projectTable(new Random(seed), 2026);
      String[] lines = table.split("\n");
      ProjectReading r = new ProjectReader().read("第五部分 附表\n" + table);
      assertEquals(1, r.tables().size(), table);
      assertEquals("sums", r.tables().get(0).status(), table);
      // the rows after the title, its unit, its header and its 合计
      assertEquals(lines.length - 4, r.projects().size(), table);
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < r.projects().size(); i++) {
        Project p = r.projects().get(i);
        String[] cells = lines[4 + i].split("\t");
        assertEquals(cells[0], p.name());
        assertEquals(new BigDecimal(cells[1].replace(",", "")), p.amount());
        sum = sum.add(p.amount());
      }
      assertEquals(r.tables().get(0).total(), sum);
      assertEquals(0, r.flags().size());
      tables++;
      projects += r.projects().size();
    }
    assertEquals(200, tables);
    // from 3 to 30 rows drawn, fewer where a name came twice
    assertEquals(3263, projects);
  }
}
