package org.gongkai.web;

import java.util.List;

/** What the templates show: plain records built by the controllers, so templates hold no logic. */
final class Views {
  private Views() {}

  record Link(String label, String href) {}

  /**
   * One value of a figure its report leaves undecided: as written and where; a value the report
   * states nowhere (Gongkai's arithmetic on what it does state) is {@code derived}, with {@code
   * how} it was computed.
   */
  /**
   * One value an undecided figure may be: formatted as every figure is ({@code 59,593.70}, in 万元
   * where it is money — a report's full-width or 元 amounts are not run together with the next), the
   * words it stands in as written, and how Gongkai computed it where it did.
   */
  record Candidate(String label, String href, boolean derived, String how, String written) {

    static Candidate of(org.gongkai.model.IndicatorValue v, String href) {
      boolean derived = v.sourceKind() == org.gongkai.model.SourceKind.DERIVED;
      return new Candidate(
          Format.value(v),
          href,
          derived,
          derived ? Format.derivation(v.source()) : null,
          v.asWritten());
    }

    /** Whether there are values and every one is Gongkai's arithmetic, none the report's words. */
    static boolean allDerived(List<Candidate> candidates) {
      return !candidates.isEmpty() && candidates.stream().allMatch(Candidate::derived);
    }
  }

  /**
   * A facet value with its count and the URL that ticks or unticks it; {@code typed} when a filter
   * typed in the query selects it (its box is shown ticked, and the query says so).
   */
  record Option(
      String label,
      String value,
      long count,
      boolean selected,
      String toggleHref,
      boolean open,
      List<Option> children,
      boolean typed) {}

  record Facet(String dim, String title, List<Option> options) {}

  record Chip(String dimTitle, String label, String removeHref) {}

  record Hit(
      int rank,
      String href,
      String permalink,
      String quoted,
      String docTitle,
      String docHref,
      String region,
      Integer year,
      String kind,
      String category,
      List<String> breadcrumb,
      String heading,
      String snippet,
      boolean ocr,
      int page,
      String issuer,
      String pageHref,
      String docId,
      String collection) {}

  record PageLink(String label, String href, boolean current) {}

  record SearchView(
      String q,
      long total,
      String took,
      List<Hit> hits,
      List<Facet> facets,
      List<Chip> chips,
      List<PageLink> pages,
      String prevHref,
      String nextHref,
      List<String> messages,
      String sort,
      String relevanceHref,
      String yearHref,
      String clearHref,
      String allRegionsHref,
      boolean grouped,
      long reports,
      List<Group> groups,
      String bySectionHref,
      String byReportHref,
      Exports exports,
      List<Link> suggestions) {}

  /** One report among grouped results: its matching sections' count and best sections. */
  record Group(
      int rank,
      String docTitle,
      String docHref,
      String issuer,
      String issuerHref,
      String region,
      Integer year,
      String kind,
      long hits,
      List<Hit> best,
      String collection) {}

  /** Every hit of a search as CSV and as JSON lines, its feed, and its reports. */
  record Exports(String csv, String jsonl, String feed, String documents) {}

  /**
   * The home page: its reports (a crawl's list, news and navigation pages are counted apart, in
   * {@code otherPages}), sections, regions and years.
   */
  record HomeView(
      long documents,
      long otherPages,
      long sections,
      long regions,
      List<String> years,
      List<Option> regionTree,
      List<Link> yearLinks,
      List<Link> examples) {}

  record SectionPage(
      String id,
      String heading,
      List<String> breadcrumb,
      String category,
      String html,
      String docTitle,
      String docHref,
      String issuer,
      String region,
      Integer year,
      String kind,
      String prevHref,
      String prevHeading,
      String nextHref,
      String nextHeading,
      String permalink,
      String citation,
      String sha256,
      String indexedAt,
      String q,
      String ocrPages,
      int pageCount,
      int originalPage,
      String originalPageHref,
      String pageImageHref,
      String collection) {}

  record TocEntry(String id, int level, String heading, String href) {}

  record SectionBlock(
      String id,
      int level,
      String headingHtml,
      String bodyHtml,
      String permalink,
      String category) {}

  /**
   * One figure of a report: its value and where it is stated, the scope when it is not the whole
   * report's money and year, how it is confirmed ({@code verification}, empty when nothing confirms
   * it); an undecided figure has no value and lists the values stated ({@code candidates}); {@code
   * unstated} when every one of them is Gongkai's arithmetic, none the report's words. A value
   * Gongkai computed says {@code how} (null: the report states it); {@code carry} when it holds
   * last year's carry-over, unseparated (含上年结转).
   */
  record IndicatorLine(
      String name,
      String value,
      String unit,
      String role,
      String asWritten,
      String sourceHref,
      String explorerHref,
      String scope,
      boolean verified,
      String verification,
      List<Candidate> candidates,
      String how,
      boolean carry) {

    public boolean unstated() {
      return Candidate.allDerived(candidates);
    }
  }

  /**
   * A flag on the document page: its message, severity (a code for the style, a word to show),
   * family, and each side of it — a statement of a figure or a quoted passage — with its scope
   * (figures only), page and permalink.
   */
  record FlagLine(
      String message,
      String severity,
      String severityText,
      String family,
      List<Link> sources,
      List<FlagSide> sides,
      String evidence,
      List<String> details) {}

  /**
   * One side of a flag: what it says ({@code label}: a figure and its value, or the quoted words),
   * its scope (null for words), the page of the original ({@code pageText} null when unknown), a
   * permalink to the section with it marked, and the original opened at its page.
   */
  record FlagSide(String label, String scope, String pageText, String href, String pageHref) {}

  record DocumentPage(
      String docId,
      String title,
      String issuer,
      String department,
      String region,
      String regionNote,
      Integer year,
      String kind,
      String sha256,
      String indexedAt,
      List<FileLine> files,
      String downloadHref,
      List<TocEntry> toc,
      List<SectionBlock> sections,
      String q,
      List<IndicatorLine> indicators,
      List<FlagLine> flags,
      int page,
      int pages,
      String previousPageHref,
      String nextPageHref,
      String ocrPages,
      int pageCount,
      CompletenessView completeness,
      String issuerHref,
      List<RelatedLine> related,
      String role,
      List<ListedLine> listed,
      String sourceUrl,
      String collection,
      UnitsView units,
      PurchasesView purchases) {}

  /**
   * What a report's procurement table lists: a sentence on its total and categories, whether its
   * sums prove the reading ({@code status} worded), each item, and the table's permalink.
   */
  record PurchasesView(String summary, String status, List<PurchaseLine> items, String href) {}

  /** One item a report will buy: its category, unit, what, the spending it is from, how, amount. */
  record PurchaseLine(
      String category, String unit, String item, String project, String method, String amount) {}

  /**
   * The budget units a report covers: a sentence on them ({@code summary}), what the report states
   * of their number and whether the list bears it out ({@code stated}, null when it states none),
   * each unit, its staff as stated, and a permalink to where it says so.
   */
  record UnitsView(
      String summary, String stated, List<UnitLine> units, String staff, String href) {}

  /** One unit a report covers: its name, its nature as shown, and whether it is the body itself. */
  record UnitLine(String name, String nature, boolean self) {}

  /**
   * An entry a list or a portal's page lists: its title and date, where it links (as the page wrote
   * it), and the report the collection holds for it ({@code heldHref} null: it lacks it, or the
   * entry names no report — {@code namesReport}).
   */
  record ListedLine(
      String title,
      String date,
      String href,
      boolean namesReport,
      String heldTitle,
      String heldHref) {}

  /**
   * One file of a document: its name, format, download link, and whether it holds the document's
   * own bytes (the others are the same report in other formats).
   */
  /** A file of a report; {@code sameBytes}: the names of identical files found elsewhere. */
  record FileLine(String name, String format, String href, boolean own, List<String> sameBytes) {}

  /** A related report (a 部门 and a 单位 version): how much of the text the two share. */
  record RelatedLine(String title, String href, String issuer, Integer year, String share) {}

  /** A standard table and what the report does with it (state: present, empty, named, missing). */
  record TableState(String number, String name, String state, String stateText) {}

  record CompletenessView(String summary, List<TableState> tables) {}

  /** One report in a list of reports. */
  record DocumentRow(
      int rank,
      String title,
      String href,
      String issuer,
      String issuerHref,
      String region,
      Integer year,
      String kind,
      String department,
      int sections,
      int figures,
      int flags,
      List<Link> files,
      long matching,
      boolean ocr,
      String collection) {}

  record DocumentsView(
      String q,
      long total,
      String took,
      List<DocumentRow> documents,
      List<Facet> facets,
      List<Chip> chips,
      List<PageLink> pages,
      String prevHref,
      String nextHref,
      List<String> messages,
      String sort,
      String relevanceHref,
      String yearHref,
      String indexedHref,
      String clearHref,
      String sectionsHref,
      String csvHref) {}

  /** One query of a batch: its total and its count in each column, each a link to its search. */
  record BatchRow(String query, Link total, List<Link> cells, List<String> messages) {}

  record BatchView(
      String queries,
      String by,
      String region,
      List<Link> filters,
      String error,
      List<String> columns,
      List<BatchRow> rows,
      int max,
      String bookmark,
      boolean other,
      String folded) {}

  /** One report of an issuer's page: a column of its figures table. */
  record IssuerColumn(
      String title, String href, Integer year, String kind, String region, String issuer) {}

  /**
   * A figure in a table: value, unit and where the report states it (all null when it does not).
   */
  record Cell(String value, String unit, String href) {}

  record IssuerRow(String name, String explorerHref, List<Cell> cells) {}

  /**
   * An issuer's page: its reports side by side with their figures; its other pages (lists, news …)
   * with their role; and the reports its pages list, held here or lacking ({@code listedHeld} of
   * {@code listed.size()} held).
   */
  record IssuerView(
      String issuer,
      List<IssuerColumn> reports,
      List<IssuerRow> figures,
      String searchHref,
      List<IssuerColumn> otherPages,
      List<ListedLine> listed,
      int listedHeld,
      Integer projectYear,
      List<IssuerProject> projects) {}

  /**
   * One of an issuer's projects in its latest year: its name (to its page), unit, amount (to the
   * cell it was read from), the year before's amount and the change where that year's reports state
   * the project too, in the same scope.
   */
  record IssuerProject(
      String name,
      String href,
      String unit,
      String amount,
      String cellHref,
      String before,
      String change) {}
}
