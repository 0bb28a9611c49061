package org.gongkai.solr.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.impl.HttpSolrClient;
import org.apache.solr.common.cloud.ClusterState;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * What a cluster holds, as ZooKeeper says: live nodes, and for each collection each shard's
 * replicas with their node, state, leader and number of documents (each replica asked alone, {@code
 * distrib=false}, so a replica that has not caught up shows it). Aliases last.
 *
 * <p>{@code ClusterStatus --zk HOST [--wait SECONDS]}: exit 0 when the cluster is as whole as its
 * live nodes allow ({@link #describe}); with {@code --wait}, as soon as that holds, or 1 when it
 * does not in time.
 */
public final class ClusterStatus {

  private ClusterStatus() {}

  public static void main(String[] args) throws Exception {
    String zk = null;
    int waitSeconds = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--zk")) zk = args[i + 1];
      else if (args[i].equals("--wait")) waitSeconds = Integer.parseInt(args[i + 1]);
    }
    if (zk == null) {
      System.err.println("usage: ClusterStatus --zk ZK_HOST [--wait SECONDS]");
      System.exit(2);
    }
    int chroot = zk.indexOf('/');
    List<String> hosts = List.of((chroot < 0 ? zk : zk.substring(0, chroot)).split(","));
    Optional<String> root = chroot < 0 ? Optional.empty() : Optional.of(zk.substring(chroot));
    try (CloudLegacySolrClient client =
        new CloudLegacySolrClient.Builder(hosts, root)
            .withZkConnectTimeout(10, TimeUnit.SECONDS)
            .build()) {
      client.connect(10, TimeUnit.SECONDS);
      ZkStateReader reader = ZkStateReader.from(client);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
      while (true) {
        reader.forciblyRefreshAllClusterStateSlow();
        List<String> lines = new ArrayList<>();
        boolean healthy = describe(reader, lines);
        if (healthy || System.nanoTime() >= until) {
          lines.forEach(System.out::println);
          System.exit(healthy ? 0 : 1);
        }
        Thread.sleep(500);
      }
    }
  }

  /**
   * Lines describing the cluster; whether it is as whole as its live nodes allow: every shard led by
   * an active replica on a live node, and every replica on a live node active and holding what its
   * leader holds (a restarted node has caught up). Replicas on nodes that are gone do not count.
   */
  static boolean describe(ZkStateReader reader, List<String> out) {
    ClusterState state = reader.getClusterState();
    out.add(
        "live nodes: "
            + state.getLiveNodes().size()
            + " "
            + new java.util.TreeSet<>(state.getLiveNodes()));
    boolean healthy = true;
    Map<String, DocCollection> collections = new TreeMap<>(state.getCollectionsMap());
    for (DocCollection c : collections.values()) {
      int active = 0;
      int all = 0;
      List<String> shards = new ArrayList<>();
      for (Slice slice : new TreeMap<>(c.getSlicesMap()).values()) {
        List<String> replicas = new ArrayList<>();
        Replica leader = slice.getLeader();
        String leaderDocs = null;
        boolean led = false;
        List<String> liveDocs = new ArrayList<>();
        for (Replica r : slice.getReplicas()) {
          all++;
          boolean live = state.liveNodesContain(r.getNodeName());
          boolean up = live && r.getState() == Replica.State.ACTIVE;
          if (up) active++;
          if (live && !up) healthy = false;
          String docs = up ? docs(r) : null;
          if (up) liveDocs.add(docs);
          if (up && r.equals(leader)) {
            led = true;
            leaderDocs = docs;
          }
          replicas.add(
              r.getNodeName()
                  + " "
                  + (live ? r.getState().toString().toLowerCase() : "down (node gone)")
                  + (r.equals(leader) ? " leader" : "")
                  + (docs == null ? "" : ", " + docs + " docs"));
        }
        if (!led || leaderDocs == null || leaderDocs.equals("?")) healthy = false;
        for (String d : liveDocs) if (!d.equals(leaderDocs)) healthy = false;
        replicas.sort(null);
        shards.add("  " + slice.getName() + ": " + String.join("; ", replicas));
      }
      out.add(
          "collection "
              + c.getName()
              + " ("
              + c.getSlices().size()
              + " shards, "
              + all
              + " replicas): "
              + active
              + "/"
              + all
              + " active");
      out.addAll(shards);
    }
    Map<String, String> aliases = new TreeMap<>(reader.getAliases().getCollectionAliasMap());
    aliases.forEach((a, target) -> out.add("alias " + a + " → " + target));
    return healthy;
  }

  /** The documents a replica's own core holds ("?" when it does not answer). */
  static String docs(Replica r) {
    try (HttpSolrClient core = new HttpSolrClient.Builder(r.getBaseUrl()).withConnectionTimeout(5000).withSocketTimeout(30_000).build()) {
      ModifiableSolrParams p = new ModifiableSolrParams();
      p.set("q", "*:*");
      p.set("rows", 0);
      p.set("distrib", false);
      return String.valueOf(core.query(r.getCoreName(), p).getResults().getNumFound());
    } catch (Exception e) {
      return "?";
    }
  }
}
