package org.gongkai.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;

/** Which failures are the cluster's (a 503 for the portal), and Solr's messages on one line. */
class SolrCollectionFailuresTest {

  @Test
  void zooKeeperAndNodesGoneAreTheClustersNotTheRequests() {
    assertTrue(
        SolrCollection.unreachable(
            new SolrException(
                SolrException.ErrorCode.SERVER_ERROR,
                "Could not load collection from ZK: gongkai",
                new KeeperException.SessionExpiredException())));
    assertTrue(
        SolrCollection.unreachable(
            new SolrServerException("No live SolrServers available to handle this request")));
    assertTrue(
        SolrCollection.unreachable(
            new SolrServerException("IOException occurred", new ConnectException("refused"))));
    assertFalse(
        SolrCollection.unreachable(
            new SolrException(SolrException.ErrorCode.BAD_REQUEST, "undefined field: nope")));
    assertFalse(SolrCollection.unreachable(new IllegalStateException("a bug")));
  }

  @Test
  void solrsEscapedLineBreaksAndRepeatedCausesFoldIntoOneLine() {
    assertEquals(
        "Error from server at http://n1/solr/c: 2 Async exceptions during distributed update:"
            + " java.net.ConnectException: Connection refused",
        SolrCollection.oneLine(
            "Error from server at http://n1/solr/c: 2 Async exceptions during distributed update: "
                + "\\njava.net.ConnectException: Connection refused"
                + "\\njava.net.ConnectException: Connection refused"));
    assertEquals("a b", SolrCollection.oneLine("a\n  b\n"));
    assertEquals("null", SolrCollection.oneLine(null));
  }
}
