package org.gongkai.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongkai.index.IndexStore;
import org.gongkai.model.FacetValue;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search [--index DIR] [--json] … QUERY}: one search from the command line. */
@Command(
    name = "search",
    description = "Search the index; repeat a filter option to select several values.")
final class SearchCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  @picocli.CommandLine.Mixin FilterOptions filters = new FilterOptions();

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  @Option(
      names = "--json",
      description = "Print the result as JSON (the same shape as /api/search).")
  boolean asJson;

  @Option(
      names = "--size",
      paramLabel = "N",
      description = "Hits per page, 1–" + SearchRequest.MAX_SIZE + " (default: ${DEFAULT-VALUE}).")
  int size = SearchRequest.DEFAULT_SIZE;

  @Option(
      names = "--page",
      paramLabel = "N",
      description = "Page number, from 1 (default: ${DEFAULT-VALUE}).")
  int page = 1;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description = "relevance (default) or year (newest first).")
  String sort = "relevance";

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      description = "The query, e.g. \"三公经费\" or 公务接待 region:湖北省.")
  List<String> query = new ArrayList<>();

  private final Console console;
  private final java.util.function.Function<IndexStore, org.gongkai.search.SearchService> search;
  private final org.gongkai.api.SearchJson searchJson;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  SearchCommand(
      Console console,
      java.util.function.Function<IndexStore, org.gongkai.search.SearchService> search,
      org.gongkai.api.SearchJson searchJson,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    this.console = console;
    this.search = search;
    this.searchJson = searchJson;
    this.json = json;
  }

  @Override
  public Integer call() throws IOException {
    SearchRequest.Order order;
    switch (sort) {
      case "relevance" -> order = SearchRequest.Order.RELEVANCE;
      case "year" -> order = SearchRequest.Order.YEAR;
      default -> {
        console.err().println("gongkai: --sort must be relevance or year, not " + sort);
        return ExitCode.USAGE;
      }
    }
    if (size < 1 || size > SearchRequest.MAX_SIZE || page < 1) {
      console
          .err()
          .println(
              "gongkai: --size must be 1–" + SearchRequest.MAX_SIZE + " and --page at least 1");
      return ExitCode.USAGE;
    }
    if (!FilterOptions.indexExists(console, index)) return ExitCode.FAILED;
    SearchRequest request = filters.request(String.join(" ", query), order, page, size);
    SearchPage result;
    try (IndexStore store = IndexStore.openForReading(index)) {
      result = search.apply(store).search(request);
    }
    if (asJson) {
      console.out().println(json.writeValueAsString(searchJson.toJson(result)));
    } else {
      print(result);
    }
    return ExitCode.OK;
  }

  private void print(SearchPage p) {
    var out = console.out();
    p.notices()
        .forEach(
            n ->
                console
                    .err()
                    .println(
                        "note: "
                            + org.gongkai.api.Wording.bundled()
                                .notice(java.util.Locale.ENGLISH, n)));
    out.printf("%d sections (page %d of %d, %d ms)%n", p.total(), p.page(), p.pages(), p.tookMs());
    int n = (p.page() - 1) * p.size();
    for (SearchHit h : p.hits()) {
      List<String> where = new ArrayList<>(h.breadcrumb());
      where.add(h.heading());
      out.printf(
          "%n%d. %s · %s%s%n",
          ++n, h.docTitle(), h.year() == null ? "" : h.year() + " · ", String.join(" › ", where));
      out.printf("   %s%n", h.snippet().bracketed("【", "】"));
      out.printf("   %s%n", searchJson.hrefs().section(h.id()));
    }
    out.println();
    p.facets()
        .forEach(
            (dim, values) -> {
              if (!values.isEmpty()) out.printf("%-10s %s%n", dim.key() + ":", facetLine(values));
            });
  }

  private static String facetLine(List<FacetValue> values) {
    List<String> parts = new ArrayList<>();
    for (FacetValue v : values) parts.add(v.value() + " " + v.count());
    return String.join(" · ", parts);
  }
}
