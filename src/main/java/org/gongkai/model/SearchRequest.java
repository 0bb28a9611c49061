package org.gongkai.model;

import java.util.List;

/**
 * One search as a journalist asks it: the query text, the values selected in each facet dimension
 * (several values in one dimension mean any of them), the order, and which page.
 *
 * <p>{@code regions} are paths such as {@code 湖北省/武汉市} (a bare name or a division code also works);
 * {@code years} are {@code 2024} or ranges {@code 2022..2024}.
 */
public record SearchRequest(
    String query,
    List<String> regions,
    List<String> years,
    List<String> categories,
    List<String> departments,
    List<String> kinds,
    Order order,
    int page,
    int size,
    List<String> missing,
    List<String> checks,
    List<String> roles) {

  /**
   * Result order: best match first, or newest fiscal year first (best match within a year), or (for
   * lists of reports and feeds) the report indexed last first.
   */
  public enum Order {
    RELEVANCE,
    YEAR,
    INDEXED
  }

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;

  /**
   * The most filter values one search takes, over all dimensions: each is a clause, and Lucene
   * refuses a query of more than 1,024 (a province selects its cities and counties in one value).
   */
  public static final int MAX_FILTER_VALUES = 200;

  /**
   * The deepest page asked: beyond every result of any index (a billion sections at the largest
   * page size), and small enough that {@code (page - 1) × size} stays an {@code int}. A page past
   * the results is answered as such, whatever its number.
   */
  public static final int MAX_PAGE = 10_000_000;

  public SearchRequest {
    query = query == null ? "" : query;
    regions = List.copyOf(regions);
    years = List.copyOf(years);
    categories = List.copyOf(categories);
    departments = List.copyOf(departments);
    kinds = List.copyOf(kinds);
    missing = missing == null ? List.of() : List.copyOf(missing);
    checks = checks == null ? List.of() : List.copyOf(checks);
    roles = roles == null ? List.of() : List.copyOf(roles);
    order = order == null ? Order.RELEVANCE : order;
    page = Math.min(MAX_PAGE, Math.max(1, page));
    size = Math.min(MAX_SIZE, Math.max(1, size));
  }

  /** A search without a selection of roles (reports and pages of a crawl alike). */
  public SearchRequest(
      String query,
      List<String> regions,
      List<String> years,
      List<String> categories,
      List<String> departments,
      List<String> kinds,
      Order order,
      int page,
      int size,
      List<String> missing,
      List<String> checks) {
    this(
        query,
        regions,
        years,
        categories,
        departments,
        kinds,
        order,
        page,
        size,
        missing,
        checks,
        List.of());
  }

  /** A search without a selection of failed checks. */
  public SearchRequest(
      String query,
      List<String> regions,
      List<String> years,
      List<String> categories,
      List<String> departments,
      List<String> kinds,
      Order order,
      int page,
      int size,
      List<String> missing) {
    this(
        query,
        regions,
        years,
        categories,
        departments,
        kinds,
        order,
        page,
        size,
        missing,
        List.of());
  }

  /** A search without a selection of lacking standard tables. */
  public SearchRequest(
      String query,
      List<String> regions,
      List<String> years,
      List<String> categories,
      List<String> departments,
      List<String> kinds,
      Order order,
      int page,
      int size) {
    this(query, regions, years, categories, departments, kinds, order, page, size, List.of());
  }

  /** The values selected in {@code facet}. */
  public List<String> selected(Facet facet) {
    return switch (facet) {
      case REGION -> regions;
      case YEAR -> years;
      case CATEGORY -> categories;
      case DEPARTMENT -> departments;
      case KIND -> kinds;
      case MISSING -> missing;
      case CHECK -> checks;
      case ROLE -> roles;
    };
  }

  /** The same request selecting the pages of these roles ({@code report}, {@code list} …) only. */
  public SearchRequest withRoles(List<String> newRoles) {
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
        missing,
        checks,
        List.copyOf(newRoles));
  }

  /** The same request with another page size. */
  public SearchRequest withSize(int newSize) {
    return with(query, order, page, newSize);
  }

  /** The same selections with another query, order, page and size. */
  public SearchRequest with(String newQuery, Order newOrder, int newPage, int newSize) {
    return new SearchRequest(
        newQuery,
        regions,
        years,
        categories,
        departments,
        kinds,
        newOrder,
        newPage,
        newSize,
        missing,
        checks,
        roles);
  }

  /** A plain query with no selections, first page, default size. */
  public static SearchRequest of(String query) {
    return new SearchRequest(
        query,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Order.RELEVANCE,
        1,
        DEFAULT_SIZE);
  }
}
