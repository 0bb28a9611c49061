package org.gongkai.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.gongkai.model.Facet;
import org.gongkai.text.Analyzers;

/**
 * The only place index field names are spelled, with how each is analysed and which facets exist.
 *
 * <p>The index holds four kinds of record, told apart by {@link #TYPE}: one per <b>section</b>
 * (what search returns), one per <b>document</b> (metadata, clean text and flags, for the document
 * view and for citations), one per <b>indicator</b> statement (a figure and where it was stated)
 * and one per <b>file</b> seen on disk (path → content hash, for incremental indexing).
 */
public final class Schema {

  private Schema() {}

  // record kinds
  public static final String TYPE = "type";
  public static final String TYPE_SECTION = "section";

  /**
   * On a document's record: which standard tables it discloses, {@code number|name|state} entries
   * separated by {@code ;} (stored only).
   */
  public static final String COMPLETENESS = "completeness";

  public static final String TYPE_DOCUMENT = "document";
  public static final String TYPE_FILE = "file";
  public static final String TYPE_INDICATOR = "indicator";
  public static final String TYPE_PROJECT = "project";

  // identity: a section's id; the document id on section and document records (the replace key)
  public static final String ID = "id";
  public static final String DOC_ID = "docId";

  // section fields
  public static final String ORDINAL = "ordinal";

  /**
   * The document id as sorted doc values: with {@link #ORDINAL}, breaks ties in ranking by report
   * and order in it.
   */
  public static final String DOC_ORDER = "docOrder";

  public static final String PATH = "path";
  public static final String LEVEL = "level";
  public static final String HEADING = "heading";
  public static final String BODY_OFFSET = "bodyOffset";
  public static final String SECTION_START = "sectionStart";
  public static final String BREADCRUMB = "breadcrumb";
  public static final String CATEGORY = "category";

  /**
   * Section text: stored for snippets, analysed with the exact analysis, offsets kept for
   * highlighting.
   */
  public static final String TEXT = "text";

  /** Section text again, analysed into HanLP words for BM25 ranking. */
  public static final String WORDS = "words";

  /**
   * Fields that only section records have terms in: a query that requires one of them matches
   * sections alone, so it needs no {@link #TYPE} filter (on 1 M sections that filter, a postings
   * list of most of the index, tripled the median time of counting a phrase's matches). Other
   * records carry them empty in the embedded index ({@code IndexStore}), for their norms' sake.
   */
  public static final java.util.Set<String> SECTION_ONLY_FIELDS =
      java.util.Set.of(Schema.TEXT, Schema.WORDS, Schema.HEADING);

  // document metadata, on document records and copied onto every section (so a hit needs no join)
  public static final String TITLE = "title";
  public static final String ISSUER = "issuer";
  public static final String DEPARTMENT = "department";
  public static final String KIND = "kind";

  /** What the file is ({@link org.gongkai.model.PageRole#code}): stored on report records. */
  public static final String PAGE_ROLE = "pageRole";

  /**
   * On a list's or a portal's record: the entries it lists, one per line ({@link
   * org.gongkai.model.ListedEntry#encode}), stored only.
   */
  /**
   * The budget units a report covers, as JSON (stored only: shown on the report's page and in its
   * JSON, never searched — their names are in the text).
   */
  public static final String UNITS = "units";

  /** The items of a report's procurement table, as JSON (stored only, as {@link #UNITS}). */
  public static final String PURCHASES = "purchases";

  public static final String LISTED = "listed";

  public static final String YEAR = "year";
  public static final String REGION_CODE = "regionCode";
  public static final String PROVINCE = "province";
  public static final String CITY = "city";
  public static final String COUNTY = "county";

  /**
   * The title and the issuer again, exact-analysed (not stored), so {@code title:汉阳区} and {@code
   * issuer:总工会} match the words wherever they stand in them.
   */
  public static final String TITLE_TEXT = "titleText";

  public static final String ISSUER_TEXT = "issuerText";

  /**
   * On report records: the issuer's name in its one form ({@link org.gongkai.model.IssuerNames}),
   * so an issuer's page finds all its reports however each spells the name.
   */
  public static final String ISSUER_NORMAL = "issuerNormal";

  /** The issuer as sorted doc values on sections, so a batch counts hits by issuer. */
  public static final String ISSUER_KEY = "issuerKey";

  // document records only
  public static final String SHA256 = "sha256";
  public static final String REGION_NOTE = "regionNote";
  public static final String INDEXED_AT = "indexedAt";

  /** When a report was indexed, as doc values (lists and feeds sort by it). */
  public static final String INDEXED_ORDER = "indexedOrder";

  public static final String SECTION_COUNT = "sectionCount";

  /**
   * The pages (from 1, comma-separated) of a scanned PDF read by OCR, on documents and sections.
   */
  public static final String OCR_PAGES = "ocrPages";

  /**
   * On a PDF's report record: the page number each of its pages prints (comma-separated, 0 where it
   * prints none), when a numbering runs through it; stored only, for citations.
   */
  public static final String PRINTED_PAGES = "printedPages";

  /**
   * On a web page's record: the address it records it was saved from; stored only, for citations.
   */
  public static final String SOURCE_URL = "sourceUrl";

  /** How many pages the original has, on documents and sections of PDFs and OFDs. */
  public static final String PAGE_COUNT = "pageCount";

  /**
   * Where a section lies in the original's pages ({@link org.gongkai.model.Pages#encode()}): its
   * first page, then the offsets in its text where later pages begin.
   */
  public static final String PAGES = "pages";

  /**
   * On report records: the clean text's length and the pieces of it no section holds (each stored
   * as its offset, a colon and the text). The text is stored once: {@link IndexStore#cleanText}
   * puts the sections back together with these.
   */
  public static final String CLEAN_LENGTH = "cleanLength";

  public static final String CLEAN_GAPS = "cleanGaps";

  // document records: the contradictions found in the report, as JSON
  public static final String FLAGS = "flags";

  // indicator records: one per statement of a value (docId as on sections, so replacing a document
  // replaces them)
  public static final String INDICATOR = "indicator";
  public static final String HEADLINE = "headline";
  public static final String VALUE = "value";
  public static final String VALUE_WAN = "valueWan";
  public static final String COMPARABLE = "comparable";
  public static final String UNIT = "unit";
  public static final String AS_WRITTEN = "asWritten";
  public static final String ROLE = "role";
  public static final String SOURCE_KIND = "sourceKind";

  /**
   * Whose money, which money, which year ({@code whole/fiscal/current}): a keyword, to select by.
   */
  public static final String SCOPE = "scope";

  /** {@code true} when an identity or a second statement confirms the value. */
  public static final String VERIFIED = "verified";

  /** How it is confirmed: codes separated by commas ({@code text_and_table,balance}). */
  public static final String VERIFIED_BY = "verifiedBy";

  /** {@code true} on each value of a figure its report states differently and nothing decides. */
  public static final String CANDIDATE = "candidate";

  /** {@code true} on a year's total that holds last year's carry-over, never separated. */
  public static final String INCLUDES_CARRY_OVER = "includesCarryOver";

  // project records: one per project a report funds (docId as on sections, so replacing a
  // document replaces them); their place in the clean text in START and END
  /** The project's name as written, stored. */
  public static final String PROJECT_NAME = "projectName";

  /**
   * The name again, exact-analysed (not stored): {@code /projects?q=智慧} finds it anywhere in it.
   */
  public static final String PROJECT_NAME_TEXT = "projectNameText";

  /** The name's key ({@link org.gongkai.model.Project#key}): a keyword, a project's page by it. */
  public static final String PROJECT_KEY = "projectKey";

  /** The budget unit it is under, stored. */
  public static final String PROJECT_UNIT = "projectUnit";

  /** Its amount in 万元: a point for ranges, doc values to sort by, stored. */
  public static final String PROJECT_AMOUNT = "projectAmount";

  /** The rest of a project as stored: amount as written, scope, target, source, table, proof. */
  public static final String PROJECT_AS_WRITTEN = "projectAsWritten";

  public static final String PROJECT_SCOPE = "projectScope";
  public static final String PROJECT_TARGET = "projectTarget";
  public static final String PROJECT_SOURCE = "projectSource";
  public static final String PROJECT_TABLE = "projectTable";
  public static final String PROJECT_PROOF = "projectProof";

  public static final String SECTION_ID = "sectionId";
  public static final String SOURCE = "source";
  public static final String START = "start";
  public static final String END = "end";

  /**
   * On every section: the document's headline value of one indicator, as a point, so a query can
   * ask {@code 公务接待费>1} of sections without a join.
   */
  public static String indicatorField(String indicatorId) {
    return "ind_" + indicatorId;
  }

  /**
   * Stored on every record of a private collection's report (its document, sections and figures):
   * the collection's storage key, so what is shown of it is marked as the collection's.
   */
  public static final String COLLECTION = "collection";

  // file records only; the document id lives in its own field so replacing a document leaves them
  public static final String FILE_PATH = "filePath";
  public static final String FILE_SHA256 = "fileSha256";
  public static final String FILE_DOC_ID = "fileDocId";

  /**
   * The ingest pipeline version that read the file: stored only, compared when the file is seen
   * again.
   */
  public static final String FILE_PIPELINE = "filePipeline";

  /**
   * Stored, exact-analysed, with positions but not offsets: the unified highlighter analyses the
   * ten texts of a page again (the exact analysis is fast) rather than every section carrying an
   * offset pair per unit and bigram, which made a fifth of the index (measured on the benchmark's
   * corpus: 36.6 → 29.4 MB for 10.6 MB of text).
   */
  static final FieldType TEXT_TYPE;

  static {
    TEXT_TYPE = new FieldType();
    TEXT_TYPE.setStored(true);
    TEXT_TYPE.setTokenized(true);
    TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    TEXT_TYPE.freeze();
  }

  /** The stored fields of a section a report's outline reads (all but its text). */
  public static final java.util.Set<String> OUTLINE_FIELDS =
      java.util.Set.of(
          ID,
          DOC_ID,
          ORDINAL,
          PATH,
          LEVEL,
          HEADING,
          BREADCRUMB,
          CATEGORY,
          BODY_OFFSET,
          SECTION_START,
          PAGES);

  // ---- a SolrCloud collection (the configset in src/main/solr) holds the same records and fields,
  // except Lucene's facet field: there each dimension is a string field of its own

  /**
   * A collection's unique key: the report's id, {@code !}, then what names the record in it (a
   * section's id, {@code document-0}, {@code file-PATH}). SolrCloud's compositeId router places a
   * record by what comes before the {@code !}, so all of a report's records share one shard (joins
   * and grouping by report are exact).
   */
  public static final String KEY = "key";

  /** The collection's key of the record {@code name} of report {@code docId}. */
  public static String key(String docId, String name) {
    // one "!" only: with more, the router would place a record by its name's hash too
    return docId + "!" + name.replace("%", "%25").replace("!", "%21");
  }

  /**
   * On a report's record in a collection: the ingest pipeline version that read it (the embedded
   * index keeps it on the file records, which stay in the journal).
   */
  public static final String REPORT_PIPELINE = "pipeline";

  /** The collection's field of a facet dimension (string values, doc values for counting). */
  public static String facetField(Facet facet) {
    return "f_" + facet.key();
  }

  /**
   * A facet value as the collection holds it: a region as a path level, its depth first ({@code
   * 2/湖北省/武汉市}, so one level is counted by prefix), other dimensions as they are.
   */
  public static String facetValue(Facet facet, String... path) {
    if (!facet.hierarchical()) return path[0];
    return path.length + "/" + String.join("/", path);
  }

  /** The prefix of the region values one level below {@code path} ({@code 2/湖北省/}). */
  public static String facetLevelPrefix(String... path) {
    return path.length == 0 ? "1/" : (path.length + 1) + "/" + String.join("/", path) + "/";
  }

  /**
   * Region is a tree (province → city → county); the other dimensions are flat, one value per
   * section.
   */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (Facet f : Facet.values()) {
      config.setHierarchical(f.key(), f.hierarchical());
      // a government's budget report carries two years (the draft's and the executed one's); the
      // remainders of the year's facet still count it as one (Facet#multiValued)
      config.setMultiValued(f.key(), f.multiValued() || f == Facet.YEAR);
    }
    return config;
  }

  /** Exact analysis for text and heading, HanLP words for the word field, keywords for the rest. */
  public static Analyzer analyzer() {
    return analyzer(Analyzers.exact());
  }

  /**
   * The same with every unigram in the exact fields: the query side reads phrases with it, and the
   * highlighter (which analyses a hit's text again) marks with it.
   */
  public static Analyzer markingAnalyzer() {
    return analyzer(Analyzers.exactEveryUnigram());
  }

  private static Analyzer analyzer(Analyzer exact) {
    return new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        Map.of(
            TEXT,
            exact,
            HEADING,
            exact,
            TITLE_TEXT,
            exact,
            ISSUER_TEXT,
            exact,
            PROJECT_NAME_TEXT,
            exact,
            WORDS,
            Analyzers.word()));
  }
}
