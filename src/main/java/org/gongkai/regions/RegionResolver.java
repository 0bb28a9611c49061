package org.gongkai.regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.Region;
import org.gongkai.model.RegionMatch;
import org.gongkai.regions.Gazetteer.Division;

/**
 * Decides the region of a document from ordered evidence — the place names that lead its issuer's
 * name, its title, a table header's 单位名称, the web page around it — resolving a name shared by
 * several divisions (鼓楼区, 市中区, 温泉街道 …) by the places the document and its page mention most. Only
 * when no such evidence names a place does it fall back to the province and city the text mentions
 * far more than any other, and never to a county: a county named in a body is as often an address,
 * a project site or a twinned county as the issuer's own. When it cannot decide it says so and
 * lists the candidates.
 */
public final class RegionResolver {

  /**
   * Where a piece of evidence was found, whether its places lead it (a name) or may stand anywhere
   * (page chrome), and the deepest level it may decide (an address decides a city, not a county).
   */
  public record Evidence(String from, String text, boolean leading, int maxLevel) {
    public static Evidence name(String from, String text) {
      return new Evidence(from, text, true, COUNTY);
    }

    public static Evidence anywhere(String from, String text) {
      return new Evidence(from, text, false, COUNTY);
    }

    /** A postal address: where the issuer sits, down to its city. */
    public static Evidence address(String text) {
      return new Evidence("address", text, true, CITY);
    }
  }

  /**
   * The deepest level the text's own mentions may decide: never a county (see the class comment).
   */
  public static final int CITY = 2;

  public static final int COUNTY = 3;
  public static final int PROVINCE = 1;

  /**
   * What is dropped before a name's leading places: the party's, the consultative conference's and
   * the youth league's names (中国人民政治协商会议江苏省委员会), codes, a year, 关于.
   */
  private static final Pattern NAME_PREFIX =
      Pattern.compile(
          "^(?:[\\s\\d０-９.、:：-]+|关于|中共|中国共产党|中国人民政治协商会议|政协|中国共产主义青年团|共青团"
              + "|(?:19|20)\\d{2}\\s*年度?)+");

  private static final int MIN_TEXT_MENTIONS = 3;

  /** What a county's name ends with, left out where its name is written short (宝安 for 宝安区). */
  private static final Pattern COUNTY_SUFFIX = Pattern.compile("(?:自治县|自治旗|新区|区|县|市|旗)$");

  private final Gazetteer gazetteer;

  public RegionResolver(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** One place name found in a name: the divisions it may mean and where it ends. */
  private record Place(List<Division> divisions, int end) {}

  /**
   * The place names that follow one another from the start of {@code name} (武汉市|汉阳区|总工会), longest
   * first.
   */
  private List<Place> leadingPlaces(String name) {
    List<Place> chain = new ArrayList<>();
    int pos = 0;
    outer:
    while (pos < name.length()) {
      // most positions of a text start no place: their two letters begin no name
      if (!gazetteer.mayStartName(name, pos)) break;
      for (int len = Math.min(gazetteer.longestName(), name.length() - pos); len >= 2; len--) {
        List<Division> ds = gazetteer.named(name.substring(pos, pos + len));
        if (!ds.isEmpty()) {
          pos += len;
          chain.add(new Place(ds, pos));
          continue outer;
        }
      }
      break;
    }
    return chain;
  }

  /**
   * Where each place of the chain starting at {@code from} in {@code text} ends (武汉市|汉阳区|… gives
   * two ends), looking no further than {@code limit}; empty when no place starts there.
   */
  public int[] placeEnds(String text, int from, int limit) {
    List<Place> chain = leadingPlaces(text.substring(from, Math.min(limit, text.length())));
    int[] ends = new int[chain.size()];
    for (int i = 0; i < ends.length; i++) ends[i] = from + chain.get(i).end();
    return ends;
  }

  /** Length of the place-name prefix of {@code name} (0 when it starts with no place). */
  public int placePrefixLength(String name) {
    List<Place> chain = leadingPlaces(name);
    return chain.isEmpty() ? 0 : chain.get(chain.size() - 1).end();
  }

  /**
   * The region named by an issuer or title alone (the text only breaks ties between shared names).
   */
  public RegionMatch resolve(String issuer, String title, String text) {
    return resolve(
        List.of(Evidence.name("issuer", issuer), Evidence.name("title", title)), text, 0);
  }

  /**
   * The region the first decisive piece of evidence names; failing that, one an earlier piece left
   * ambiguous; failing that, what the text's mentions decide down to {@code textLevel} (0: not at
   * all).
   */
  public RegionMatch resolve(List<Evidence> evidence, String text, int textLevel) {
    StringBuilder context = new StringBuilder(text == null ? "" : text);
    for (Evidence e : evidence)
      if (!e.leading() && e.text() != null) context.append('\n').append(e.text());
    String ctx = context.toString();
    RegionMatch ambiguous = null;
    for (Evidence e : evidence) {
      if (e.text() == null || e.text().isBlank()) continue;
      // 国家信访局, 教育部2025年部门预算: a body of the central government is 中央, not the city it sits in
      String named = e.text().strip();
      if (e.leading() && ("issuer".equals(e.from()) || "title".equals(e.from()))) {
        int local = localPlace(named);
        if (local == Integer.MAX_VALUE) return RegionMatch.of(Region.CENTRAL, e.from());
        // 国家税务总局湖北省税务局: a central body's local office is its place's
        if (local >= 0) named = named.substring(local);
      }
      List<List<List<Division>>> chains =
          e.leading() ? List.of(leadingChain(named)) : chainsAnywhere(e.text());
      Region found = null;
      boolean conflict = false;
      for (List<List<Division>> chain : chains) {
        if (chain.isEmpty()) continue;
        RegionMatch m = decide(chain, ctx);
        if (m.decided() && e.leading()) m = countyInName(m, e.text());
        if (m.decided()) {
          if (found == null || contains(m.region(), found)) found = m.region();
          else if (!contains(found, m.region())) conflict = true;
        } else if (ambiguous == null) {
          ambiguous = m;
        }
      }
      if (found != null && !conflict) return RegionMatch.of(upTo(found, e.maxLevel()), e.from());
    }
    if (ambiguous != null) return ambiguous;
    if (textLevel > 0 && text != null) {
      Region r = byTextMentions(text, textLevel);
      if (r != null) return RegionMatch.of(r, "text");
    }
    return RegionMatch.undecided("no place name in the issuer or title", List.of());
  }

  /**
   * How a body of the central government's name opens: the national level's own words (国家, 国务院,
   * 中共中央, 中央, 全国人大 …, 最高人民法院), the ministries (教育部, 财政部 …) and the national bodies named 中国… or by
   * their office (海关总署, 审计署, 中国科学院, 中国气象局 …).
   */
  private static final Pattern CENTRAL_BODY =
      Pattern.compile(
          "^(?:中华人民共和国|国家(?!级)|国务院|中共中央|中央(?:宣传|组织|统战|政法|网络|机构|社会|金融|外事|直属|国家|纪委|办公厅|编办|党校|档案|文献|对外联络|精神文明|军委|和国家机关)"
              + "|全国(?:人大|人民代表大会|政协|妇联|妇女联合会|总工会|工商联|工商业联合会|老龄|供销)"
              + "|中华全国|最高人民(?:法院|检察院)|共青团中央|中国共产主义青年团中央|海关总署|审计署|新华通讯社|中央广播电视总台"
              + "|中国(?:科学院|社会科学院|工程院|气象局|地震局|民用航空局|残疾人联合会|科学技术协会|文学艺术界联合会|作家协会"
              + "|红十字会总会|人民银行|证券监督管理委员会|国际贸易促进委员会|贸促会|侨联|归国华侨联合会|外文局|国家铁路)"
              + "|(?:外交|国防|教育|科学技术|工业和信息化|公安|国家安全|民政|司法|财政|人力资源和社会保障|自然资源|生态环境"
              + "|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|应急管理|退役军人事务)部(?!门))");

  /**
   * The name opens as a body of the central government's does and names no place after: a central
   * body's local office names its place (国家税务总局湖北省税务局, 国家金融监督管理总局深圳监管局) and is that place's.
   */
  boolean central(String name) {
    return localPlace(name.strip()) == Integer.MAX_VALUE;
  }

  /**
   * For a name opening as a central body's: where the place its local office names starts, or
   * {@link Integer#MAX_VALUE} where it names none (the central body itself); -1 for any other name.
   */
  private int localPlace(String n) {
    Matcher m = CENTRAL_BODY.matcher(n);
    if (!m.lookingAt()) return -1;
    for (int i = m.end(); i < n.length(); i++)
      for (int len = 2; len <= Math.min(gazetteer.longestName(), n.length() - i); len++)
        if (namesAPlace(n.substring(i, i + len))) return i;
    return Integer.MAX_VALUE;
  }

  /**
   * A province, city or county of that name, or of that name written short (深圳 for 深圳市) — a town's
   * name is left out: towns carry names such as 林业和草原局.
   */
  private boolean namesAPlace(String name) {
    for (String suffix : List.of("", "省", "市", "区", "县"))
      for (Division d : gazetteer.named(name + suffix)) if (d.level() <= COUNTY) return true;
    return false;
  }

  /**
   * A city's bureau named for one of its counties ({@code 深圳市规划和自然资源局宝安管理局}, {@code 福州市仓山生态环境局}) is
   * that county's: a county of the decided city named, by its short name, inside the rest of the
   * name — followed by more of the name, and the only one so named.
   */
  private RegionMatch countyInName(RegionMatch m, String name) {
    Division city = gazetteer.coded(m.region().code()).orElse(null);
    if (city == null || city.level() >= COUNTY) return m;
    String n = NAME_PREFIX.matcher(name.strip()).replaceFirst("");
    int led = placePrefixLength(n);
    // a zone named by its city's short name (长沙经济技术开发区): the rest follows the short name —
    // which is no county's short name (长沙县) in it
    Zone zone = led == 0 ? zoneCity(n) : null;
    if (zone != null) led = zone.nameLength();
    String rest = n.substring(Math.min(n.length(), led));
    java.util.Set<Division> found = new java.util.LinkedHashSet<>();
    for (Division d : gazetteer.countiesOf(city)) {
      String shortName = COUNTY_SUFFIX.matcher(d.name()).replaceFirst("");
      if (shortName.length() < 2) shortName = d.name();
      int at = rest.indexOf(shortName);
      if (at >= 0 && at + shortName.length() < rest.length()) found.add(d);
    }
    return found.size() == 1 ? RegionMatch.of(found.iterator().next().region(), m.from()) : m;
  }

  /**
   * {@code r}, or the city or province holding it when {@code r} lies deeper than {@code level}.
   */
  private Region upTo(Region r, int level) {
    Division d = gazetteer.coded(r.code()).orElse(null);
    while (d != null && d.level() > level && d.parent() != null) d = d.parent();
    return d == null ? r : d.region();
  }

  /**
   * The places that lead a name; a development zone named after its city by the city's short name
   * ({@code 长沙经济技术开发区}, {@code 石家庄高新区财政局}, {@code 武汉东湖新技术开发区}) — not a division of its own in the
   * gazetteer, and a city's short name is no place name elsewhere (it is a word as often) — is that
   * city's.
   */
  private List<List<Division>> leadingChain(String name) {
    String n = NAME_PREFIX.matcher(name).replaceFirst("");
    List<List<Division>> chain = chain(n);
    if (!chain.isEmpty()) return chain;
    Zone zone = zoneCity(n);
    return zone == null ? chain : List.of(List.of(zone.city()));
  }

  /**
   * What follows a city's short name in a development zone's name: a name of its own of up to four
   * characters (东湖, 天府, 西海岸), then the kind of zone.
   */
  private static final Pattern ZONE =
      Pattern.compile(
          "^[\\p{IsHan}]{0,4}?(?:国家级)?(?:经济技术开发区|经济开发区|(?:高新技术|新技术)产业(?:开发区|园区)"
              + "|(?:高|新)技术开发区|高新区|经开区|工业园区|产业园区|综合保税区|保税港?区|自由贸易试验区|自贸区"
              + "|临空经济示范区|新区|开发区)");

  /** A zone's city, and the length of the short name that names it. */
  private record Zone(Division city, int nameLength) {}

  /**
   * The one city (or county-level city) whose short name opens {@code name} right before a zone's
   * name ({@link #ZONE}); null where none or several do.
   */
  private Zone zoneCity(String name) {
    for (int len = 2; len <= Math.min(4, name.length() - 2); len++) {
      List<Division> cities =
          gazetteer.named(name.substring(0, len) + "市").stream()
              .filter(d -> d.level() == CITY || d.level() == COUNTY)
              .toList();
      if (cities.size() == 1 && ZONE.matcher(name.substring(len)).lookingAt())
        return new Zone(cities.get(0), len);
    }
    return null;
  }

  private List<List<Division>> chain(String name) {
    return leadingPlaces(name).stream().map(Place::divisions).toList();
  }

  /**
   * Place chains starting anywhere in a page's chrome; only names of three or more characters, as
   * short ones occur in words.
   */
  private List<List<List<Division>>> chainsAnywhere(String text) {
    List<List<List<Division>>> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (Character.UnicodeScript.of(text.codePointAt(i)) != Character.UnicodeScript.HAN) {
        i++;
        continue;
      }
      List<Place> places = leadingPlaces(text.substring(i, Math.min(text.length(), i + 40)));
      if (!places.isEmpty() && places.get(0).end() >= 3) {
        out.add(places.stream().map(Place::divisions).toList());
        i += places.get(places.size() - 1).end();
      } else {
        i++;
      }
    }
    return out;
  }

  /** Whether {@code outer} is {@code inner} or holds it. */
  private static boolean contains(Region inner, Region outer) {
    List<String> a = inner.path();
    List<String> b = outer.path();
    return a.size() >= b.size() && a.subList(0, b.size()).equals(b);
  }

  private RegionMatch decide(List<List<Division>> chain, String text) {
    // Intersect: each later name must lie inside one of the earlier ones.
    List<Division> candidates = chain.get(0);
    for (int i = 1; i < chain.size(); i++) {
      List<Division> inner = new ArrayList<>();
      for (Division d : chain.get(i)) {
        for (Division outer : candidates) if (Gazetteer.within(d, outer)) inner.add(d);
      }
      if (inner.isEmpty()) break; // 武汉市 + 江夏区(other city): keep what was consistent so far
      candidates = inner;
    }
    candidates = deepest(candidates);
    if (candidates.size() == 1) return RegionMatch.of(candidates.get(0).region());
    Division chosen = byMentions(candidates, text);
    if (chosen != null) return RegionMatch.of(chosen.region());
    List<Region> regions = candidates.stream().map(Division::region).distinct().toList();
    return RegionMatch.undecided(
        "ambiguous place name "
            + candidates.get(0).name()
            + ": "
            + candidates.size()
            + " divisions share it and the document names none of their cities",
        regions);
  }

  /** The deepest divisions, one per region (two townships of one county are one answer). */
  private static List<Division> deepest(List<Division> ds) {
    int max = ds.stream().mapToInt(Division::level).max().orElse(0);
    Map<String, Division> unique = new LinkedHashMap<>();
    for (Division d : ds) if (d.level() == max) unique.putIfAbsent(d.region().code(), d);
    return new ArrayList<>(unique.values());
  }

  /** The candidate whose county, city (or province) the text names most often, if one leads. */
  private Division byMentions(List<Division> candidates, String text) {
    Map<Division, Integer> score = new LinkedHashMap<>();
    for (Division c : candidates) {
      int s = 0;
      for (Division up = c.parent(); up != null; up = up.parent())
        s += count(text, up.name()) * (up.level() >= 2 ? 10 : 1);
      score.put(c, s);
    }
    List<Map.Entry<Division, Integer>> ranked = new ArrayList<>(score.entrySet());
    ranked.sort(Map.Entry.<Division, Integer>comparingByValue(Comparator.reverseOrder()));
    if (ranked.get(0).getValue() > 0
        && (ranked.size() == 1 || ranked.get(0).getValue() > ranked.get(1).getValue())) {
      return ranked.get(0).getKey();
    }
    return null;
  }

  /**
   * The province the text mentions at least three times and more than twice as often as any other,
   * then (down to {@code level}) the city of it mentioned likewise; null when no province leads so.
   */
  private Region byTextMentions(String text, int level) {
    Division province = leader(gazetteer.provinces(), text);
    if (province == null) return null;
    if (level < CITY || province.region().city() != null) return province.region();
    Division city = leader(gazetteer.citiesOf(province), text);
    return city == null ? province.region() : city.region();
  }

  private Division leader(List<Division> divisions, String text) {
    Division best = null;
    int first = 0;
    int second = 0;
    for (Division d : divisions) {
      int n = count(text, gazetteer.shortName(d));
      if (n > first) {
        second = first;
        first = n;
        best = d;
      } else if (n > second) {
        second = n;
      }
    }
    return first >= MIN_TEXT_MENTIONS && first > 2 * second ? best : null;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
    return n;
  }
}
