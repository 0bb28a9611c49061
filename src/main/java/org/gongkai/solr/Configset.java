package org.gongkai.solr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.TreeSet;
import org.gongkai.regions.Gazetteer;

/**
 * Gongkai's SolrCloud configset: the schema and the Solr configuration bundled in this jar, and
 * {@code divisions.txt}, the division names the word field's HanLP dictionary holds (the embedded
 * index inserts the same names at start-up), written from the gazetteer so both always agree.
 */
public final class Configset {

  private Configset() {}

  /** The files a configset holds, as bundled under {@code /solr/conf}. */
  static final List<String> BUNDLED = List.of("schema.xml", "solrconfig.xml");

  public static final String DIVISIONS = "divisions.txt";

  /** Writes the configset into {@code dir} (created if needed); returns {@code dir}. */
  public static Path write(Path dir, Gazetteer gazetteer) throws IOException {
    Files.createDirectories(dir);
    for (String name : BUNDLED) {
      try (InputStream in = Configset.class.getResourceAsStream("/solr/conf/" + name)) {
        if (in == null) throw new IllegalStateException("not bundled: /solr/conf/" + name);
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    StringBuilder words =
        new StringBuilder("# Division names for HanLP's dictionary (written by Gongkai)\n");
    for (String n : new TreeSet<>(gazetteer.names())) words.append(n).append('\n');
    Files.writeString(dir.resolve(DIVISIONS), words, StandardCharsets.UTF_8);
    return dir;
  }
}
