package org.gongkai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README stays a newcomer's page and its map of the docs holds: every relative link of the
 * README and of {@code docs/*.md} names a file that exists, and an anchor a heading of that file.
 */
class DocsLinksTest {

  private static final Pattern LINK =
      Pattern.compile("\\]\\(([^)#\\s]*)(?:#([^)\\s]+))?\\)|src=\"([^\"]+)\"");

  @Test
  void everyRelativeLinkOfTheReadmeAndTheDocsLeadsSomewhere() throws Exception {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Matcher m = LINK.matcher(Files.readString(page));
      while (m.find()) {
        String target = m.group(3) != null ? m.group(3) : m.group(1);
        if (target.startsWith("http")) continue;
        Path file = target.isEmpty() ? page : page.resolveSibling(target).normalize();
        if (!Files.exists(file)) {
          broken.add(page + " → " + target);
          continue;
        }
        String anchor = m.group(2);
        if (anchor != null && file.toString().endsWith(".md") && !anchors(file).contains(anchor))
          broken.add(page + " → " + target + "#" + anchor);
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void theReadmeIsShortAndMapsEveryDocsPage() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(readme.lines().count() < 150, "README of " + readme.lines().count() + " lines");
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      for (Path p : docs.filter(p -> p.toString().endsWith(".md")).toList())
        assertTrue(readme.contains("(docs/" + p.getFileName() + ")"), p + " is not in the map");
    }
  }

  /** GitHub's anchors of a Markdown file's headings: lower case, spaces to hyphens, no marks. */
  private static List<String> anchors(Path md) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(md))
      if (line.startsWith("#"))
        out.add(
            line.replaceFirst("^#+\\s*", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-'));
    return out;
  }
}
