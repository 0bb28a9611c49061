package org.gongkai.regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gongkai.model.Region;

/**
 * The national division tree (every province, prefecture-level city and county-level division with
 * its 6-digit code, and every township and street with its 9-digit code), loaded from the vendored
 * {@code china-division} CSVs, with the short forms people write (汉阳区 for 武汉市汉阳区, 西盟县 for 西盟佤族自治县,
 * 洪江区 for 怀化市洪江管理区, 湖北 for 湖北省, 红河州 for 红河哈尼族彝族自治州).
 *
 * <p>A township (乡, 镇, 街道) is a place of level 4 whose region is its county's: a report of 葛坳乡
 * belongs to 于都县 in the facets, which stop at the county.
 */
public final class Gazetteer {

  /** A division and its level: 1 province, 2 city, 3 county, 4 township or street. */
  public record Division(String code, String name, int level, Division parent, Region region) {}

  private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");
  private static final Pattern ETHNIC_AUTONOMOUS =
      Pattern.compile("^(.{2,}?)(?:[\\p{IsHan}]{1,5}族)+自治(县|旗|州)$");
  private static final Pattern PROVINCE_SHORT =
      Pattern.compile("^(.+?)(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$");

  private final Map<String, List<Division>> byName = new HashMap<>();

  /**
   * Names of provinces, cities and counties only (townships are too many and too alike for the
   * segmenter).
   */
  private final Set<String> countyAndAbove = new java.util.HashSet<>();

  private List<Division> provinces = List.of();
  private final Map<String, List<Division>> citiesByProvince = new HashMap<>();
  private final Map<String, List<Division>> countiesByParent = new HashMap<>();
  private final Map<String, Division> byCode = new HashMap<>();
  private int longestName;

  /** The first two letters of every name: a text position starting none of them starts no place. */
  private final Set<String> starts = new java.util.HashSet<>();

  private Gazetteer() {}

  /** Loads the vendored division data from the classpath. */
  public static Gazetteer load() {
    Gazetteer g = new Gazetteer();
    Map<String, Division> provinces = new HashMap<>();
    Map<String, Division> cities = new HashMap<>();
    for (CSVRecord r : read("provinces.csv")) {
      String code = r.get("code");
      // a municipality (北京市, 重庆市 …) is its own city: its own departments are city-level units
      String city = MUNICIPALITIES.contains(code) ? r.get("name") : null;
      Division d =
          new Division(
              code + "0000",
              r.get("name"),
              1,
              null,
              new Region(code + "0000", r.get("name"), city, null));
      provinces.put(code, d);
      g.add(d, d.name(), provinceShort(d.name()));
    }
    for (CSVRecord r : read("cities.csv")) {
      Division province = provinces.get(r.get("provinceCode"));
      String name = r.get("name");
      boolean placeholder = name.equals("市辖区") || name.equals("县") || name.endsWith("直辖县级行政区划");
      if (MUNICIPALITIES.contains(r.get("provinceCode"))) {
        // 北京市's 市辖区: the municipality is its own city
        cities.put(
            r.get("code"),
            new Division(
                province.code(),
                province.name(),
                2,
                province,
                new Region(province.code(), province.name(), province.name(), null)));
        continue;
      }
      if (placeholder) {
        cities.put(r.get("code"), province); // counties directly under a province
        continue;
      }
      String code = r.get("code") + "00";
      Division d =
          new Division(code, name, 2, province, new Region(code, province.name(), name, null));
      cities.put(r.get("code"), d);
      g.add(d, name, autonomousShort(name));
    }
    for (CSVRecord r : read("areas.csv")) {
      Division city = cities.get(r.get("cityCode"));
      Division province = provinces.get(r.get("provinceCode"));
      String name = r.get("name");
      String cityName = city.level() == 2 ? city.name() : null;
      // 怀化市洪江管理区 → 洪江管理区: the city prefix is not part of the county's own name
      String own =
          cityName != null && name.startsWith(cityName) && name.length() > cityName.length() + 1
              ? name.substring(cityName.length())
              : name;
      String code = r.get("code");
      Division d =
          new Division(code, own, 3, city, new Region(code, province.name(), cityName, own));
      g.add(
          d,
          name,
          own,
          autonomousShort(own),
          own.endsWith("管理区") ? own.substring(0, own.length() - 3) + "区" : null);
    }
    g.countyAndAbove.addAll(g.byName.keySet());
    // asked for every document whose place only its text names: listed once here
    var byCodeOrder = java.util.Comparator.comparing(Division::code);
    g.provinces =
        g.byCode.values().stream().filter(d -> d.level() == 1).sorted(byCodeOrder).toList();
    for (Division d :
        g.byCode.values().stream().filter(d -> d.level() == 2).sorted(byCodeOrder).toList()) {
      g.citiesByProvince.computeIfAbsent(d.parent().code(), k -> new ArrayList<>()).add(d);
    }
    for (Division d :
        g.byCode.values().stream().filter(d -> d.level() == 3).sorted(byCodeOrder).toList()) {
      if (d.parent() != null)
        g.countiesByParent.computeIfAbsent(d.parent().code(), k -> new ArrayList<>()).add(d);
    }
    for (CSVRecord r : read("streets.csv")) {
      Division county = g.byCode.get(r.get("areaCode"));
      if (county == null) continue;
      String name = r.get("name");
      // 宁城县温泉街道: some townships carry their county's name; people write 温泉街道
      String own =
          name.startsWith(county.name()) && name.length() > county.name().length() + 2
              ? name.substring(county.name().length())
              : name;
      // two-character names are too ambiguous to be evidence; a name a county or city bears (东城区)
      // stays theirs
      if (own.length() < 3 || g.countyAndAbove.contains(own)) continue;
      g.add(new Division(r.get("code"), own, 4, county, county.region()), own);
    }
    return g;
  }

  private static String provinceShort(String name) {
    Matcher m = PROVINCE_SHORT.matcher(name);
    return m.matches() && m.group(1).length() >= 2 ? m.group(1) : null;
  }

  private static String autonomousShort(String name) {
    Matcher m = ETHNIC_AUTONOMOUS.matcher(name);
    return m.matches() ? m.group(1) + m.group(2) : null;
  }

  private void add(Division d, String... names) {
    byCode.putIfAbsent(d.code(), d);
    Set<String> distinct = new LinkedHashSet<>();
    for (String n : names) if (n != null && n.length() >= 2) distinct.add(n);
    for (String n : distinct) {
      byName.computeIfAbsent(n, k -> new ArrayList<>()).add(d);
      starts.add(n.substring(0, 2));
      longestName = Math.max(longestName, n.length());
    }
  }

  private static Iterable<CSVRecord> read(String file) {
    try (InputStream in = Gazetteer.class.getResourceAsStream("/regions/" + file)) {
      if (in == null) throw new IllegalStateException("missing division data /regions/" + file);
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .build()
          .parse(reader)
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every province-level division, in code order. */
  public List<Division> provinces() {
    return provinces;
  }

  /** The prefecture-level cities of a province, in code order (none for a municipality). */
  public List<Division> citiesOf(Division province) {
    return citiesByProvince.getOrDefault(province.code(), List.of());
  }

  /** The name people write in running text: 江苏 for 江苏省, 广西 for 广西壮族自治区; a city's full name. */
  public String shortName(Division d) {
    String s = d.level() == 1 ? provinceShort(d.name()) : null;
    return s == null ? d.name() : s;
  }

  /**
   * The county-level divisions inside {@code city} (a municipality's districts too), in code order.
   */
  public List<Division> countiesOf(Division city) {
    return countiesByParent.getOrDefault(city.code(), List.of());
  }

  /** Every county-level division, in code order (for the synthetic corpus). */
  public List<Division> counties() {
    return byCode.values().stream()
        .filter(d -> d.level() == 3)
        .sorted(java.util.Comparator.comparing(Division::code))
        .toList();
  }

  /** Divisions whose full or short name is exactly {@code name}. */
  public List<Division> named(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** The division with this 6-digit code, if any. */
  public Optional<Division> coded(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * Whether a name may start at {@code at} of {@code text}: its two letters there begin one (every
   * name has two at least). A reader looking for places at each position of a text asks this first
   * instead of looking up every length there.
   */
  public boolean mayStartName(String text, int at) {
    return at + 2 <= text.length() && starts.contains(text.substring(at, at + 2));
  }

  public int longestName() {
    return longestName;
  }

  /**
   * Every name and short form of provinces, cities and counties (for the segmenter's dictionary).
   */
  public Set<String> names() {
    return Set.copyOf(countyAndAbove);
  }

  /** Whether {@code a} is {@code b} or lies inside it. */
  public static boolean within(Division a, Division b) {
    for (Division d = a; d != null; d = d.parent()) if (d.code().equals(b.code())) return true;
    return false;
  }
}
