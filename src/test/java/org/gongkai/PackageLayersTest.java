package org.gongkai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages are layers (docs/architecture.md): what each one's code uses of the others, read
 * from the sources with comments left out, holds no cycle; and the root package holds App alone.
 */
class PackageLayersTest {

  static final Path MAIN = Path.of("src/main/java/org/gongkai");

  /** {@code org.gongkai.x.} or {@code org.gongkai.App}, in code (imports and qualified names). */
  static final Pattern USE = Pattern.compile("\\borg\\.gongkai\\.(?:([a-z]+)\\.|App\\b)");

  static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

  static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

  /** Each package (the root as {@code ""}) and the packages its code uses. */
  static Map<String, Set<String>> uses() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path rel = MAIN.relativize(f.getParent());
        String pkg = rel.toString().isEmpty() ? "" : rel.getName(0).toString();
        String code = Files.readString(f);
        code = COMMENT.matcher(code).replaceAll(" ");
        code = STRING.matcher(code).replaceAll("\"\"");
        Set<String> mine = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = USE.matcher(code);
        while (m.find()) {
          String used = m.group(1) == null ? "" : m.group(1);
          if (!used.equals(pkg)) mine.add(used);
        }
      }
    }
    return uses;
  }

  @Test
  void noPackageReachesItself() throws IOException {
    Map<String, Set<String>> uses = uses();
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      Set<String> seen = new TreeSet<>();
      List<String> todo = new ArrayList<>(uses.get(start));
      while (!todo.isEmpty()) {
        String p = todo.remove(todo.size() - 1);
        if (!seen.add(p)) continue;
        todo.addAll(uses.getOrDefault(p, Set.of()));
      }
      if (seen.contains(start)) cycles.add(start.isEmpty() ? "(root)" : start);
    }
    assertEquals(List.of(), cycles, "packages on a cycle; what each uses: " + uses);
  }

  @Test
  void theRootHoldsAppAloneAndTheCommandsLiveInCli() throws IOException {
    try (Stream<Path> files = Files.list(MAIN)) {
      assertEquals(
          List.of("App.java"),
          files
              .filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .sorted()
              .toList());
    }
    try (Stream<Path> files = Files.walk(MAIN)) {
      assertEquals(
          List.of(),
          files
              .filter(p -> p.getFileName().toString().endsWith("Command.java"))
              .filter(p -> !p.getParent().getFileName().toString().equals("cli"))
              .map(Path::toString)
              .toList());
    }
  }

  @Test
  void aPackageBelowUsesNoneAbove() throws IOException {
    Map<String, Set<String>> uses = uses();
    // the bottom layers use nothing of the project; the pure readers nothing but model and text
    assertEquals(Set.of(), uses.get("model"));
    assertEquals(Set.of(), uses.get("config"));
    assertEquals(Set.of("model"), uses.get("text"));
    assertEquals(Set.of("model", "text"), uses.get("indicators"));
    assertEquals(Set.of("model"), uses.get("projects"));
    // nothing below the command line builds the portal or the commands
    for (var e : uses.entrySet())
      if (!e.getKey().equals("cli") && !e.getKey().isEmpty())
        assertEquals(
            false,
            e.getValue().contains("cli") || e.getValue().contains(""),
            e.getKey() + " uses " + e.getValue());
  }
}
