package org.gongkai.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --solr ZK_HOST/COLLECTION} as operators write it. */
class SolrTargetTest {

  @Test
  void oneHost() {
    SolrTarget t = SolrTarget.parse("localhost:9983/gongkai");
    assertEquals(List.of("localhost:9983"), t.zkHosts());
    assertEquals(Optional.empty(), t.chroot());
    assertEquals("gongkai", t.collection());
    assertEquals("localhost:9983/gongkai", t.toString());
  }

  @Test
  void anEnsembleWithAChroot() {
    SolrTarget t = SolrTarget.parse(" zk1:2181, zk2:2181,zk3:2181/solr/national-2024 ");
    assertEquals(List.of("zk1:2181", "zk2:2181", "zk3:2181"), t.zkHosts());
    assertEquals(Optional.of("/solr"), t.chroot());
    assertEquals("national-2024", t.collection());
    assertEquals("zk1:2181,zk2:2181,zk3:2181/solr/national-2024", t.toString());
  }

  @Test
  void whatIsNotATargetIsSaidSo() {
    for (String bad : List.of("gongkai", "localhost:9983/", "/gongkai", "zk:2181/a b", "", ",/x")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> SolrTarget.parse(bad), bad);
      assertEquals(
          "--solr takes ZK_HOST/COLLECTION (such as localhost:9983/gongkai), not '"
              + bad.strip()
              + "'",
          e.getMessage());
    }
  }
}
