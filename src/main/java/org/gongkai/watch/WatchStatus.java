package org.gongkai.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a watch stands, as it writes it beside the index ({@link #FILE_NAME}) for a page an admin
 * reads: what it watches, whether a run is going and how far it got (a burst of a thousand files
 * read one by one), the last run's outcome, and when it last said so — a watch that was stopped
 * leaves its last word, which the page shows with its time rather than as news.
 *
 * @param folders the watched folders, as given
 * @param state {@code watching} between runs, {@code indexing} during one, {@code retrying} after a
 *     run that failed (its files are indexed again at the next look), {@code stopped}
 * @param queued files in the run going on (0 between runs)
 * @param read of those, read so far
 * @param waiting files changed and still being written (waited out)
 * @param last the last run's counts (null before the first)
 * @param error why the last run failed (null when it did not)
 * @param updated when this was written
 */
public record WatchStatus(
    List<String> folders,
    String state,
    int queued,
    int read,
    int waiting,
    Run last,
    String error,
    Instant updated) {

  /** The file a watch writes into the index folder. */
  public static final String FILE_NAME = "watch.json";

  /** One run's outcome: when it ended, what it was given and what it did. */
  public record Run(
      Instant at,
      int ready,
      int gone,
      int indexed,
      int unchanged,
      int duplicates,
      int removed,
      int failed) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Written beside and moved in: a reader never sees half of it. */
  public void write(Path indexFolder) throws IOException {
    ObjectNode o = MAPPER.createObjectNode();
    var f = o.putArray("folders");
    folders.forEach(f::add);
    o.put("state", state);
    o.put("queued", queued);
    o.put("read", read);
    o.put("waiting", waiting);
    if (last != null) {
      ObjectNode l = o.putObject("last");
      l.put("at", last.at().toString());
      l.put("ready", last.ready());
      l.put("gone", last.gone());
      l.put("indexed", last.indexed());
      l.put("unchanged", last.unchanged());
      l.put("duplicates", last.duplicates());
      l.put("removed", last.removed());
      l.put("failed", last.failed());
    }
    if (error != null) o.put("error", error);
    o.put("updated", updated.toString());
    Files.createDirectories(indexFolder);
    Path tmp = Files.createTempFile(indexFolder, ".watch", ".tmp");
    try {
      Files.writeString(tmp, MAPPER.writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
      Files.move(
          tmp,
          indexFolder.resolve(FILE_NAME),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * What a watch last wrote into {@code indexFolder}; empty when none has (or it is unreadable).
   */
  public static java.util.Optional<WatchStatus> read(Path indexFolder) {
    Path file = indexFolder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) return java.util.Optional.empty();
    try {
      JsonNode o = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      List<String> folders = new ArrayList<>();
      o.path("folders").forEach(n -> folders.add(n.asText()));
      JsonNode l = o.get("last");
      Run last =
          l == null
              ? null
              : new Run(
                  Instant.parse(l.path("at").asText()),
                  l.path("ready").asInt(),
                  l.path("gone").asInt(),
                  l.path("indexed").asInt(),
                  l.path("unchanged").asInt(),
                  l.path("duplicates").asInt(),
                  l.path("removed").asInt(),
                  l.path("failed").asInt());
      return java.util.Optional.of(
          new WatchStatus(
              folders,
              o.path("state").asText(),
              o.path("queued").asInt(),
              o.path("read").asInt(),
              o.path("waiting").asInt(),
              last,
              o.hasNonNull("error") ? o.get("error").asText() : null,
              Instant.parse(o.path("updated").asText())));
    } catch (IOException | RuntimeException e) {
      // half a file from an older version, or none: no word rather than a wrong one
      return java.util.Optional.empty();
    }
  }
}
