package org.gongkai.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;

/**
 * {@link Starts} finds what {@link Matcher#find()} finds: on made-up texts that try its edges
 * (look-behinds, line starts, a match at the text's end), and — for every {@code Starts} the
 * readers and checks declare — on the text of every real report and bundled seed, where every match
 * of the pattern must open with one of the characters it was given.
 */
class StartsTest {

  /** Each match of {@code p} in {@code text}, as start–end. */
  private static List<String> found(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) out.add(m.start() + "-" + m.end() + ":" + m.group());
    return out;
  }

  private static List<String> found(Starts s, String text) {
    List<String> out = new ArrayList<>();
    Starts.Scan m = s.in(text);
    while (m.find()) out.add(m.start() + "-" + m.end() + ":" + m.group());
    return out;
  }

  @Test
  void aLookBehindSeesWhatStandsBeforeTheMatch() {
    Pattern year = Pattern.compile("(?<![0-9])20[0-9]{2}年(?:度|预算)");
    String text = "12021年度，2022年预算；3023年度，x2024年度2025年度";
    Starts s = new Starts(year, "2");
    // 12021年度 is not a year: the 1 before it is seen, though no match is tried there
    List<String> expected = List.of("8-15:2022年预算", "24-30:2024年度", "30-36:2025年度");
    assertEquals(expected, found(year, text));
    assertEquals(expected, found(s, text));
    assertEquals("2022年预算", s.first(text).group());
    assertEquals(null, s.first("２０２２年预算"));
  }

  @Test
  void aPatternOfLineStartsIsTriedAtEachLine() {
    Pattern heading = Pattern.compile("^[ \\t]*[一二三]、(\\S+)$", Pattern.MULTILINE);
    String text = "前言\n一、总则\n 二、附则\n正文三、不是\n\n三、末";
    Starts s = Starts.atLineStarts(heading);
    List<String> expected = List.of("3-7:一、总则", "8-13: 二、附则", "22-25:三、末");
    assertEquals(expected, found(heading, text));
    assertEquals(expected, found(s, text));
    assertThrows(IllegalArgumentException.class, () -> Starts.atLineStarts(Pattern.compile("^a")));
  }

  @Test
  void findFromAPlaceAsFindFrom() {
    Pattern p = Pattern.compile("单位构成|编制范围");
    String text = "编制范围：单位构成为…；单位构成";
    Starts.Scan scan = new Starts(p, "单编").in(text);
    Matcher m = p.matcher(text);
    for (int from : new int[] {0, 1, 5, 6, 12, 16, text.length()}) {
      boolean expected = m.find(from);
      assertEquals(expected, scan.find(from), "from " + from);
      if (expected) assertEquals(m.start() + "-" + m.end(), scan.start() + "-" + scan.end());
    }
  }

  /**
   * The classes that declare a {@code Starts}: every source file that makes one is listed here, so
   * a new use cannot go unchecked.
   */
  private static final List<String> USERS =
      List.of(
          "org.gongkai.units.UnitReader",
          "org.gongkai.indicators.ReportChecks",
          "org.gongkai.indicators.OtherBodies",
          "org.gongkai.indicators.OtherUses",
          "org.gongkai.indicators.ConsistencyChecker",
          "org.gongkai.indicators.CompletenessChecker",
          "org.gongkai.indicators.SentenceLabels");

  @Test
  void everyUseIsListed() throws IOException {
    Set<String> making = new TreeSet<>();
    Path src = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = Files.readString(f);
        if (f.endsWith("Starts.java")) continue;
        if (code.contains("new Starts(")
            || code.contains("new org.gongkai.text.Starts(")
            || code.contains("Starts.atLineStarts(")) {
          String name = src.relativize(f).toString().replace('/', '.');
          making.add(name.substring(0, name.length() - ".java".length()));
        }
      }
    }
    assertEquals(new TreeSet<>(USERS), making);
  }

  /** Every {@code Starts} the readers and checks declare, by where it is declared. */
  private static Map<String, Starts> declared() throws Exception {
    Map<String, Starts> out = new java.util.TreeMap<>();
    for (String name : USERS) {
      Class<?> c = Class.forName(name);
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) continue;
        f.setAccessible(true);
        if (f.getType() == Starts.class) out.put(name + "." + f.getName(), (Starts) f.get(null));
      }
    }
    // the checks' wordings of nothing, one a subject, made when first asked for
    Class<?> completeness = Class.forName("org.gongkai.indicators.CompletenessChecker");
    var saysNothing = completeness.getDeclaredMethod("saysNothing", String.class, String.class);
    saysNothing.setAccessible(true);
    for (String subject : List.of("政府性基金", "国有资本经营", "三公")) saysNothing.invoke(null, "", subject);
    Field about = completeness.getDeclaredField("NOTHING_ABOUT");
    about.setAccessible(true);
    ((Map<?, ?>) about.get(null))
        .forEach((k, v) -> out.put("CompletenessChecker.NOTHING_ABOUT " + k, (Starts) v));
    return out;
  }

  @Test
  void everyDeclaredStartsFindsWhatFindFindsInRealReports() throws Exception {
    Map<String, Starts> declared = declared();
    assertEquals(21, declared.size(), declared.keySet().toString());
    List<Path> files = new ArrayList<>(TestSupport.corpusFiles());
    if (Files.isRegularFile(TestSupport.REAL.resolve("gold.tsv")))
      for (var g : TestSupport.realGold()) files.add(TestSupport.REAL.resolve(g.get("file")));
    int matches = 0;
    for (Path f : files) {
      String text = TestSupport.ingestor().document(f).text();
      for (var e : declared.entrySet()) {
        List<String> expected = found(e.getValue().pattern(), text);
        assertEquals(expected, found(e.getValue(), text), e.getKey() + " in " + f);
        matches += expected.size();
      }
    }
    assertTrue(matches > 100, "the patterns matched " + matches + " times");
  }
}
