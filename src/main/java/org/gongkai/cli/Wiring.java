package org.gongkai.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.api.InspectJson;
import org.gongkai.api.SearchJson;
import org.gongkai.api.Wording;
import org.gongkai.bench.SyntheticCorpus;
import org.gongkai.config.ExtractConfig;
import org.gongkai.config.IndexConfig;
import org.gongkai.config.ServeConfig;
import org.gongkai.extract.TikaExtractor;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.MetadataExtractor;
import org.gongkai.regions.Gazetteer;
import org.gongkai.regions.RegionResolver;
import org.gongkai.search.IndicatorService;
import org.gongkai.search.ReadingService;
import org.gongkai.search.SearchService;
import org.gongkai.solr.SolrCollection;
import org.gongkai.solr.SolrFigures;
import org.gongkai.solr.SolrReads;
import org.gongkai.solr.SolrSearchService;
import org.gongkai.text.HanLpSegmenter;
import org.gongkai.text.SectionSplitter;
import org.gongkai.text.TextCleaner;
import org.gongkai.web.Links;
import org.gongkai.web.Portal;

/**
 * The one place objects are built and connected (no container, no reflection): the command line and
 * the tests get their services from here, and each command is given only what it uses.
 */
public final class Wiring {

  private final Gazetteer gazetteer;
  private final ObjectMapper json;

  public Wiring() {
    this.gazetteer = Gazetteer.load();
    // before any segmentation: HanLP's custom dictionary is not thread-safe to change later
    HanLpSegmenter.install(gazetteer.names());
    this.json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  public ObjectMapper json() {
    return json;
  }

  public TikaExtractor extractor() {
    return new TikaExtractor(ExtractConfig.defaults());
  }

  public DocumentIngestor ingestor() {
    return new DocumentIngestor(
        extractor(),
        new TextCleaner(),
        new SectionSplitter(),
        new MetadataExtractor(new RegionResolver(gazetteer)));
  }

  public Indexer indexer(IndexConfig config) {
    return new Indexer(ingestor(), Clock.systemUTC(), config);
  }

  public SearchService searchService(IndexStore store) {
    return new SearchService(store, gazetteer);
  }

  /** Answers the portal keeps per index version (a few MB: a page is ten hits and the facets). */
  static final int PORTAL_CACHED_PAGES = 512;

  /** The portal over {@code store}; not started. */
  public Portal portal(ServeConfig config, IndexStore store) {
    return portal(config, store, null);
  }

  /** The portal with accounts on over {@code workspace} (null: one user, no sign-in). */
  public Portal portal(
      ServeConfig config, IndexStore store, org.gongkai.workspace.Workspace workspace) {
    // a workspace's private collections: their own indexes beside the public one, searched for the
    // requests that may read them (without a workspace nobody may)
    if (workspace != null) store.overlay(new org.gongkai.index.CollectionIndexes(config.index()));
    SearchService search = new SearchService(store, gazetteer, PORTAL_CACHED_PAGES);
    // upload from the browser: into this index folder, by the pipeline of index
    org.gongkai.upload.UploadService uploads =
        workspace == null || workspace.uploadsFolder().isEmpty()
            ? null
            : new org.gongkai.upload.UploadService(
                workspace,
                workspace.uploadsFolder().get(),
                config.index(),
                this::indexer,
                org.gongkai.upload.UploadService.Limits.DEFAULT,
                Clock.systemUTC());
    ReadingService reading = new ReadingService(store, search);
    if (workspace != null) workspace.uploadsFolder().ifPresent(f -> relocated(reading, f));
    return new Portal(
        config, search, new IndicatorService(store, gazetteer), reading, json, workspace, uploads);
  }

  /**
   * Originals of a workspace restored into another folder: the index names them at their old place,
   * which the folder's {@code .moved-from} records.
   */
  public static void relocated(ReadingService reading, java.nio.file.Path uploads) {
    java.nio.file.Path moved = uploads.resolve(org.gongkai.workspace.Backup.MOVED_FROM);
    if (!java.nio.file.Files.isRegularFile(moved)) return;
    try {
      for (String line : java.nio.file.Files.readAllLines(moved))
        if (!line.isBlank()) reading.relocated(java.nio.file.Path.of(line.strip()), uploads);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The portal over a SolrCloud collection; not started. Every page answers from the collection.
   */
  public Portal solrPortal(ServeConfig config, SolrCollection collection) {
    return solrPortal(config, collection, null);
  }

  /**
   * The same with accounts on over {@code workspace} (null: none): what a request may not see is
   * filtered out of every query to the collection; no upload (it indexes into an index folder).
   */
  public Portal solrPortal(
      ServeConfig config, SolrCollection collection, org.gongkai.workspace.Workspace workspace) {
    SolrSearchService search = new SolrSearchService(collection, gazetteer);
    return new Portal(
        config,
        search,
        new IndicatorService(new SolrFigures(collection, gazetteer)),
        new ReadingService(new SolrReads(collection), search::marker),
        json,
        workspace,
        null);
  }

  /** The JSON of {@code search --json}: the same as {@code /api/search}, with relative links. */
  SearchJson searchJson() {
    return new SearchJson(json, Wording.bundled(), Links.relative());
  }

  InspectJson inspectJson() {
    return new InspectJson(json, Wording.bundled());
  }

  /** Whether {@code seeds} holds reports to vary; if not, says so (a usage error, not a trace). */
  static boolean hasSeedReports(Console console, Path seeds) throws IOException {
    if (Files.isDirectory(seeds)) {
      try (var files = Files.list(seeds)) {
        if (files.anyMatch(f -> f.toString().endsWith(".txt"))) return true;
      }
    }
    console
        .err()
        .println(
            "gongkai: no .txt reports to vary in "
                + seeds.toAbsolutePath().normalize()
                + " (run from the repository root, or pass --corpus DIR)");
    return false;
  }

  /** The synthetic corpus generator, varying the reports in {@code seeds}. */
  SyntheticCorpus syntheticCorpus(Path seeds) throws Exception {
    DocumentIngestor ingestor = ingestor();
    List<SyntheticCorpus.Seed> list = new ArrayList<>();
    try (var files = Files.list(seeds)) {
      for (var f : files.sorted().toList()) {
        if (!f.toString().endsWith(".txt")) continue;
        list.add(new SyntheticCorpus.Seed(Files.readString(f), ingestor.document(f)));
      }
    }
    if (list.isEmpty()) throw new IllegalArgumentException("no .txt reports in " + seeds);
    return new SyntheticCorpus(list, gazetteer);
  }
}
