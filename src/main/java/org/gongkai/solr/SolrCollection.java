package org.gongkai.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Schema;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.search.SearchUnavailable;

/**
 * One SolrCloud collection holding Gongkai's records: written as the replica of an {@code index}
 * run, searched by {@link SolrSearchService}. SolrJ's cloud client reads the cluster's state from
 * ZooKeeper and sends each update to its shard's leader and each query to a live replica.
 */
public final class SolrCollection implements IndexStore.Replica, AutoCloseable {

  private final SolrClient client;
  private final String collection;
  private final boolean owned;

  /** The collection at {@code target}, with a client of its own (closed with this). */
  public static SolrCollection connect(SolrTarget target) {
    SolrClient client =
        new CloudLegacySolrClient.Builder(target.zkHosts(), target.chroot())
            .withZkConnectTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
            // a ZooKeeper gone: a search says so within seconds, not after the default 45
            .withZkClientTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
            .withConnectionTimeout(15_000)
            .withSocketTimeout(120_000)
            .build();
    return new SolrCollection(client, target.collection(), true);
  }

  /** {@code collection} through a client someone else owns (tests: the test cluster's client). */
  public static SolrCollection using(SolrClient client, String collection) {
    return new SolrCollection(client, collection, false);
  }

  private SolrCollection(SolrClient client, String collection, boolean owned) {
    this.client = client;
    this.collection = collection;
    this.owned = owned;
  }

  /**
   * A first load into an empty collection (the bench's): each report's records are added in one
   * request, with nothing to look up or delete first, since nothing is there. Not for {@code index
   * --solr}, whose collection may hold the report already.
   */
  public IndexStore.Replica bulkLoad() throws IOException {
    if (check() != 0)
      throw new IOException(
          "SolrCloud collection " + collection + " is not empty: a bulk load needs an empty one");
    SolrCollection self = this;
    return new IndexStore.Replica() {
      @Override
      public void put(String docId, List<Document> records) throws IOException {
        List<SolrInputDocument> docs = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++)
          docs.add(SolrRecords.toSolr(records.get(i), docId, i));
        docs.get(0).setField(Schema.REPORT_PIPELINE, DocumentIngestor.PIPELINE_VERSION);
        // the report's record last, as put writes it: a report whose record is there is whole
        docs.add(docs.remove(0));
        try {
          client.add(collection, docs);
          written.incrementAndGet();
        } catch (SolrServerException | RuntimeException e) {
          throw failed("could not write report " + docId, e);
        }
      }

      @Override
      public void delete(String docId) throws IOException {
        self.delete(docId);
      }

      @Override
      public void putFile(String path, Document record) throws IOException {
        try {
          client.add(collection, SolrRecords.file(path, record));
        } catch (SolrServerException | RuntimeException e) {
          throw failed("could not write the record of file " + path, e);
        }
      }

      @Override
      public void deleteFile(String path) throws IOException {
        self.deleteFile(path);
      }

      @Override
      public void commit() throws IOException {
        self.commit();
      }

      @Override
      public void expungeDeletes() throws IOException {
        self.expungeDeletes();
      }
    };
  }

  /** How the collection is laid out: live nodes, shards, replicas per shard. */
  public record Layout(int nodes, int shards, int replicasPerShard) {}

  /** The collection's layout as the cluster's state says (an alias: its first collection). */
  public Layout layout() throws IOException {
    if (!(client instanceof org.apache.solr.client.solrj.impl.CloudSolrClient cloud))
      throw new IOException("not a SolrCloud client");
    try {
      var state = cloud.getClusterState();
      String name = collection;
      var aliases = cloud.getClusterStateProvider().resolveAlias(collection);
      if (!aliases.isEmpty()) name = aliases.get(0);
      var c = state.getCollection(name);
      int shards = c.getSlices().size();
      int replicas = c.getSlices().iterator().next().getReplicas().size();
      return new Layout(state.getLiveNodes().size(), shards, replicas);
    } catch (RuntimeException e) {
      throw failed("could not read the cluster's state", e);
    }
  }

  /**
   * Replaces the report's records: its old ones (however many) go first, then its sections and
   * figures, then its own record, last, so a report whose record is there was written whole. A
   * report the collection already holds as read from the same bytes by the same pipeline is left as
   * it is (a second journal indexing the same files rewrites nothing).
   */
  @Override
  public void put(String docId, List<Document> records) throws IOException {
    List<SolrInputDocument> docs = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) docs.add(SolrRecords.toSolr(records.get(i), docId, i));
    SolrInputDocument report = docs.remove(0); // the report's record comes first (DocumentMapper)
    report.setField(Schema.REPORT_PIPELINE, DocumentIngestor.PIPELINE_VERSION);
    try {
      if (holds(report)) {
        unchanged.incrementAndGet();
        return;
      }
      client.deleteByQuery(collection, byReport(docId));
      if (!docs.isEmpty()) client.add(collection, docs);
      client.add(collection, report);
      written.incrementAndGet();
    } catch (SolrServerException | RuntimeException e) {
      throw failed("could not write report " + docId, e);
    }
  }

  private final AtomicInteger written = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();

  /** Reports written to the collection so far through this object. */
  public int written() {
    return written.get();
  }

  /** Reports the collection already held as read (same bytes, same pipeline): not written again. */
  public int unchanged() {
    return unchanged.get();
  }

  /** Whether the collection holds this report's record as read from the same bytes and pipeline. */
  private boolean holds(SolrInputDocument report) throws SolrServerException, IOException {
    SolrDocument old = client.getById(collection, String.valueOf(report.getFieldValue(Schema.KEY)));
    return old != null
        && Objects.equals(old.getFieldValue(Schema.SHA256), report.getFieldValue(Schema.SHA256))
        && Objects.equals(
            old.getFieldValue(Schema.REPORT_PIPELINE),
            report.getFieldValue(Schema.REPORT_PIPELINE));
  }

  @Override
  public void delete(String docId) throws IOException {
    try {
      client.deleteByQuery(collection, byReport(docId));
    } catch (SolrServerException | RuntimeException e) {
      throw failed("could not remove report " + docId, e);
    }
  }

  @Override
  public void putFile(String path, Document record) throws IOException {
    SolrInputDocument doc = SolrRecords.file(path, record);
    try {
      // the file may have been read as another report before: its old record goes first
      client.deleteByQuery(collection, byFile(path));
      client.add(collection, doc);
    } catch (SolrServerException | RuntimeException e) {
      throw failed("could not write the record of file " + path, e);
    }
  }

  @Override
  public void deleteFile(String path) throws IOException {
    try {
      client.deleteByQuery(collection, byFile(path));
    } catch (SolrServerException | RuntimeException e) {
      throw failed("could not remove the record of file " + path, e);
    }
  }

  @Override
  public void commit() throws IOException {
    try {
      client.commit(collection, true, true);
    } catch (SolrServerException | RuntimeException e) {
      throw failed("could not commit", e);
    }
  }

  /** Commits with the deleted records' place given back (Solr's {@code expungeDeletes}). */
  public void expungeDeletes() throws IOException {
    try {
      var commit =
          new org.apache.solr.client.solrj.request.UpdateRequest()
              .setAction(
                  org.apache.solr.client.solrj.request.AbstractUpdateRequest.ACTION.COMMIT,
                  true,
                  true);
      commit.setParam("expungeDeletes", "true");
      commit.process(client, collection);
    } catch (SolrServerException | RuntimeException e) {
      throw failed("could not commit", e);
    }
  }

  /**
   * Asks the collection for its size: fails, saying why, when ZooKeeper or the collection cannot be
   * reached.
   */
  public long check() throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    p.set("rows", 0);
    try {
      return client.query(collection, p).getResults().getNumFound();
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw new IOException(
          "cannot reach SolrCloud collection " + collection + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /**
   * Runs a query (sent as a POST: a request's parameters may be long), with what the request may
   * not see left out and what it is narrowed to kept ({@link org.gongkai.model.Visibility}): the
   * same masking the embedded index applies to its reader, as filter queries.
   */
  public QueryResponse query(SolrParams params) throws IOException {
    SolrParams visible = visible(params);
    try {
      return client.query(collection, visible, SolrRequest.METHOD.POST);
    } catch (SolrServerException | RuntimeException e) {
      if (unreachable(e))
        throw new SearchUnavailable(
            "SolrCloud collection " + collection + " cannot be reached: " + rootMessage(e), e);
      throw failed("search failed", e);
    }
  }

  /**
   * Whether a failure is the cluster's, not the request's: ZooKeeper gone (connection lost, session
   * expired, the collection's state unreadable), no live replica, or a node refusing connections.
   */
  static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String type = t.getClass().getName();
      String message = String.valueOf(t.getMessage());
      if (type.startsWith("org.apache.zookeeper.")
          || t instanceof java.net.ConnectException
          || t instanceof java.net.NoRouteToHostException
          || type.equals("org.apache.http.NoHttpResponseException")
          || message.contains("No live SolrServers")
          || message.contains("Could not load collection from ZK")
          || message.contains("Could not connect to ZooKeeper")
          || message.contains("Cannot talk to ZooKeeper")) return true;
    }
    return false;
  }

  /**
   * {@code params} narrowed to the documents the request asks for (with notes, with a tag): the
   * records of every other document filtered out. A private collection's documents are never in the
   * collection (they are read into its own index beside the record folder), so nothing else is
   * filtered: every request reads what everyone may.
   */
  private SolrParams visible(SolrParams params) throws IOException {
    java.util.Set<String> only = org.gongkai.model.Visibility.only();
    if (only == null) return params;
    ModifiableSolrParams p = new ModifiableSolrParams(params);
    if (only != null) {
      // a record of no document (none such today) stays; one of a document outside goes
      p.set("gkOnly", only.isEmpty() ? "-" : String.join(",", only));
      for (String field : new String[] {Schema.DOC_ID, Schema.FILE_DOC_ID})
        p.add(
            "fq",
            "_query_:\"{!terms f=" + field + " v=$gkOnly}\" OR (*:* -" + field + ":[* TO *])");
    }
    return p;
  }

  private static String byFile(String path) {
    return "{!term f=" + Schema.FILE_PATH + " v=" + SolrReads.quoted(path) + "}";
  }

  private static String byReport(String docId) {
    return "{!term f=" + Schema.DOC_ID + "}" + docId;
  }

  private IOException failed(String what, Exception e) {
    return new IOException(
        "SolrCloud collection "
            + collection
            + ": "
            + what
            + ": "
            + oneLine(e.getMessage())
            + (unreachable(e)
                ? " (a node is down or restarting: run again once every shard has a live leader)"
                : ""),
        e);
  }

  /** Solr's messages carry escaped line breaks and repeat one cause per replica: one line each. */
  static String oneLine(String message) {
    return java.util.Arrays.stream(String.valueOf(message).split("(\\\\n|\\s*\\n\\s*)+"))
        .map(String::strip)
        .filter(x -> !x.isEmpty())
        .distinct()
        .collect(java.util.stream.Collectors.joining(" "));
  }

  @Override
  public void close() throws IOException {
    if (owned) client.close();
  }
}
