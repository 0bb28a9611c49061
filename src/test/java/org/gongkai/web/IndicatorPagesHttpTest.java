package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer over more reports than a page shows: 230 made-up reports of as many districts, each
 * stating its “三公” spending; the page shows 200 rows and a pager, the exports every row.
 */
class IndicatorPagesHttpTest {

  @TempDir static Path dir;
  static TestPortal served;

  @BeforeAll
  static void serve() throws Exception {
    // districts whose names occur once in the national list, so each is its own region
    List<String> names = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>(), repeated = new LinkedHashSet<>();
    for (String line :
        Files.readAllLines(Path.of("src/main/resources/regions/areas.csv")).subList(1, 2000)) {
      String name = line.split(",")[1].replace("\"", "");
      if (!seen.add(name)) repeated.add(name);
    }
    for (String n : seen)
      if (!repeated.contains(n) && n.endsWith("区") && names.size() < 230) names.add(n);
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    for (int i = 0; i < names.size(); i++) {
      String issuer = names.get(i) + "财政局";
      Files.writeString(
          corpus.resolve(String.format("r%03d.txt", i)),
          issuer
              + "2023年度部门决算\n\n一、部门决算情况说明\n2023年度“三公”经费财政拨款支出决算为"
              + (i + 1)
              + ".5万元，其中：因公出国（境）费0万元，公务用车购置及运行费"
              + (i + 1)
              + "万元，公务接待费0.5万元。\n",
          StandardCharsets.UTF_8);
    }
    served = TestPortal.start(dir.resolve("work"), List.of(corpus));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  private static List<String> values(String page) {
    Matcher m =
        Pattern.compile(
                "<td class=\"num\" data-label=\"[^\"]+\"><span class=\"value\">([0-9.,]+)</span>")
            .matcher(page);
    List<String> out = new ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }

  @Test
  void aPageShowsTwoHundredRowsAndThePagerTheRest() throws Exception {
    String first = served.get("/indicators?name=three_public&sort=value").body();
    List<String> top = values(first);
    assertEquals(200, top.size(), first);
    assertEquals("230.50", top.get(0));
    assertEquals("31.50", top.get(199));
    assertTrue(
        first.contains(
            "<a href=\"/indicators?name=three_public&amp;sort=value&amp;page=2\" rel=\"next\">"),
        first);
    String second = served.get("/indicators?name=three_public&sort=value&page=2").body();
    List<String> rest = values(second);
    assertEquals(30, rest.size());
    assertEquals("1.50", rest.get(29));
    assertTrue(
        second.contains("<a href=\"/indicators?name=three_public&amp;sort=value\" rel=\"prev\">"),
        second);
    // the exports keep every row
    var json = new ObjectMapper().readTree(served.get("/api/indicators?name=three_public").body());
    assertEquals(230, json.size());
    assertEquals(400, served.get("/indicators?name=three_public&page=abc").statusCode());
  }
}
