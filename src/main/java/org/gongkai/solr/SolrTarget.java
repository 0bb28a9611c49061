package org.gongkai.solr;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a SolrCloud collection is, as {@code --solr} takes it: {@code ZK_HOST/COLLECTION}, the
 * ZooKeeper hosts comma-separated, with the chroot if the cluster has one ({@code
 * zk1:2181,zk2:2181/solr/gongkai}): the last path segment names the collection.
 */
public record SolrTarget(List<String> zkHosts, Optional<String> chroot, String collection) {

  public SolrTarget {
    zkHosts = List.copyOf(zkHosts);
  }

  /** Reads {@code ZK_HOST/COLLECTION}; says what is wrong when it cannot. */
  public static SolrTarget parse(String s) {
    String v = s == null ? "" : s.strip();
    int slash = v.lastIndexOf('/');
    if (slash <= 0 || slash == v.length() - 1)
      throw new IllegalArgumentException(
          "--solr takes ZK_HOST/COLLECTION (such as localhost:9983/gongkai), not '" + v + "'");
    String collection = v.substring(slash + 1);
    String zk = v.substring(0, slash);
    int chrootAt = zk.indexOf('/');
    Optional<String> chroot = chrootAt < 0 ? Optional.empty() : Optional.of(zk.substring(chrootAt));
    String hosts = chrootAt < 0 ? zk : zk.substring(0, chrootAt);
    List<String> list =
        Arrays.stream(hosts.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    if (list.isEmpty() || !collection.matches("[A-Za-z0-9._-]+"))
      throw new IllegalArgumentException(
          "--solr takes ZK_HOST/COLLECTION (such as localhost:9983/gongkai), not '" + v + "'");
    return new SolrTarget(list, chroot, collection);
  }

  @Override
  public String toString() {
    return String.join(",", zkHosts) + chroot.orElse("") + "/" + collection;
  }
}
