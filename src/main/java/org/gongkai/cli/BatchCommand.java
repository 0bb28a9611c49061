package org.gongkai.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gongkai.api.BatchJson;
import org.gongkai.index.IndexStore;
import org.gongkai.model.BatchTable;
import org.gongkai.model.Facet;
import org.gongkai.model.SearchRequest;
import org.gongkai.search.SearchService;
import org.gongkai.web.Links;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code batch --queries FILE --by region [--out FILE.csv]}: many queries at once, each counted in
 * all and by region, issuer or year, as CSV (the same as {@code /batch}'s download).
 */
@Command(
    name = "batch",
    description =
        "Count many queries at once (one per line of FILE), split by region, issuer or year; writes CSV.")
final class BatchCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  @picocli.CommandLine.Mixin FilterOptions selections = new FilterOptions();

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      required = true,
      description =
          "A text file with one query per line (UTF-8 or GBK), at most "
              + SearchService.MAX_BATCH
              + ".")
  Path queries;

  @Option(
      names = "--by",
      paramLabel = "DIM",
      description =
          "region (the level below --region; provinces without), issuer or year (default: ${DEFAULT-VALUE}).")
  String by = "region";

  @Option(
      names = "--out",
      paramLabel = "FILE.csv",
      description = "Write the CSV here (default: print it).")
  Path out;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  private final Console console;
  private final java.util.function.Function<IndexStore, SearchService> search;

  BatchCommand(Console console, java.util.function.Function<IndexStore, SearchService> search) {
    this.console = console;
    this.search = search;
  }

  @Override
  public Integer call() throws IOException {
    if (!SearchService.BATCH_BY.contains(by)) {
      console.err().println("gongkai: --by must be region, issuer or year, not " + by);
      return ExitCode.USAGE;
    }
    if (!Files.isReadable(queries)) {
      console
          .err()
          .println("gongkai: cannot read " + queries + " (--queries FILE: one query per line)");
      return ExitCode.USAGE;
    }
    List<String> list = new ArrayList<>();
    try {
      String text =
          new org.gongkai.extract.TextDecoder().decode(Files.readAllBytes(queries)).text();
      for (String line : text.split("\\R")) if (!line.isBlank()) list.add(line.strip());
    } catch (org.gongkai.extract.ExtractionException e) {
      console.err().println("gongkai: " + queries + ": " + e.getMessage());
      return ExitCode.USAGE;
    }
    if (list.isEmpty() || list.size() > SearchService.MAX_BATCH) {
      console
          .err()
          .println(
              "gongkai: "
                  + queries
                  + " holds "
                  + list.size()
                  + " queries; a batch runs 1 to "
                  + SearchService.MAX_BATCH);
      return ExitCode.USAGE;
    }
    if (!FilterOptions.indexExists(console, index)) return ExitCode.FAILED;
    SearchRequest filters = selections.request("", SearchRequest.Order.RELEVANCE, 1, 1);
    Map<Facet, List<String>> selected = new LinkedHashMap<>();
    for (Facet f : Facet.values()) selected.put(f, filters.selected(f));
    BatchTable table;
    try (IndexStore store = IndexStore.openForReading(index)) {
      table = search.apply(store).batch(list, by, filters);
    }
    Links links = Links.relative();
    String csv = BatchJson.csv(table, (q, c) -> links.batchSearch(q, c, by, selected));
    for (BatchTable.Row r : table.rows())
      r.notices()
          .forEach(
              n ->
                  console
                      .err()
                      .println(
                          "note: "
                              + r.query()
                              + ": "
                              + org.gongkai.api.Wording.bundled()
                                  .notice(java.util.Locale.ENGLISH, n)));
    if (out == null) {
      console.out().print(csv.substring(1)); // no byte-order mark on a terminal
    } else {
      Files.writeString(out, csv);
      console
          .err()
          .println(
              "gongkai: "
                  + table.rows().size()
                  + " queries × "
                  + table.columns().size()
                  + " "
                  + by
                  + " columns → "
                  + out);
    }
    return ExitCode.OK;
  }
}
