package org.gongkai.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.index.IndexStore;
import org.gongkai.model.SearchRequest;
import picocli.CommandLine.Option;

/**
 * The selections {@code search} and {@code batch} both take, as the portal's facets: repeat an
 * option to select several values (any of them); different dimensions must all hold.
 */
final class FilterOptions {

  @Option(names = "--region", paramLabel = "PATH", description = "Region, e.g. 湖北省/武汉市 or 汉阳区.")
  List<String> regions = new ArrayList<>();

  @Option(names = "--year", paramLabel = "Y", description = "Year, e.g. 2024 or 2022..2024.")
  List<String> years = new ArrayList<>();

  @Option(names = "--category", paramLabel = "C", description = "Section category, e.g. 三公经费.")
  List<String> categories = new ArrayList<>();

  @Option(names = "--department", paramLabel = "D", description = "Department type, e.g. 总工会.")
  List<String> departments = new ArrayList<>();

  @Option(names = "--kind", paramLabel = "K", description = "Document kind: 部门决算, 部门预算, 绩效评价, 其他.")
  List<String> kinds = new ArrayList<>();

  @Option(
      names = "--role",
      paramLabel = "R",
      description =
          "What a file is: report, list, news, notice, form, navigation, other (a crawl's pages"
              + " beside its reports).")
  List<String> roles = new ArrayList<>();

  /** {@code query} with these selections. */
  SearchRequest request(String query, SearchRequest.Order order, int page, int size) {
    return new SearchRequest(
        query,
        regions,
        years,
        categories,
        departments,
        kinds,
        order,
        page,
        size,
        List.of(),
        List.of(),
        roles);
  }

  /** Whether there is an index at {@code index}; if not, says how to build one. */
  static boolean indexExists(Console console, Path index) throws IOException {
    if (IndexStore.exists(index)) return true;
    console
        .err()
        .println(
            "gongkai: no index at "
                + index.toAbsolutePath().normalize()
                + " (build one with: index PATH...)");
    return false;
  }
}
