package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.Region;
import org.junit.jupiter.api.Test;

/**
 * The development set of real reports ({@code ../shared/corpus/real/}, never committed here): every
 * metadata field of every file must match {@code gold.tsv}. Skipped where the folder is absent.
 */
class RealCorpusMetadataTest {

  static final Path REAL = TestSupport.REAL;
  static final List<String> FIELDS =
      List.of("issuer", "department_type", "kind", "year", "province", "city", "county");

  static Map<String, String> fields(DisclosureDocument d) {
    Region r = d.region().region();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("issuer", d.issuer() == null ? "" : d.issuer());
    m.put("department_type", d.departmentType() == null ? "" : d.departmentType());
    m.put("kind", d.kind().label());
    m.put("year", d.year() == null ? "" : d.year().toString());
    m.put("province", r == null || r.province() == null ? "" : r.province());
    m.put("city", r == null || r.city() == null ? "" : r.city());
    m.put("county", r == null || r.county() == null ? "" : r.county());
    return m;
  }

  @Test
  void everyFieldOfEveryRealReportMatchesGold() throws Exception {
    assumeTrue(Files.isRegularFile(REAL.resolve("gold.tsv")), "../shared/corpus/real is not here");
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    int right = 0;
    int total = 0;
    for (CSVRecord g : TestSupport.realGold()) {
      DisclosureDocument d = TestSupport.ingestor().document(REAL.resolve(g.get("file")));
      Map<String, String> got = fields(d);
      for (String f : FIELDS) {
        expected.add(g.get("file") + " " + f + "=" + g.get(f));
        actual.add(g.get("file") + " " + f + "=" + got.get(f));
        total++;
        if (g.get(f).equals(got.get(f))) right++;
      }
    }
    System.out.printf(
        "real-corpus metadata: %d of %d fields right (%.1f%%)%n",
        right, total, 100.0 * right / total);
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }
}
