package org.gongkai.solr.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One SolrCloud node in a process of its own: Solr's {@link JettySolrRunner} (a Jetty with Solr's
 * dispatch filter and a CoreContainer, what Solr's own tests run a node with), on a solr home that
 * holds {@code solr.xml} and, in {@code lib}, the plugin jars the node loads as an installed Solr
 * does. Maven Central has no Solr server distribution to start instead (see docs/solrcloud.md).
 *
 * <p>{@code SolrNode --home DIR --port N --zk HOST:PORT[/chroot]}; prints one line when the node
 * has joined the cluster and stops on SIGTERM (the CoreContainer closes its cores).
 */
public final class SolrNode {

  private SolrNode() {}

  public static void main(String[] args) throws Exception {
    Path home = null;
    Integer port = null;
    String zk = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--home" -> home = Path.of(args[i + 1]).toAbsolutePath().normalize();
        case "--port" -> port = Integer.valueOf(args[i + 1]);
        case "--zk" -> zk = args[i + 1];
        default -> usage("unknown option " + args[i]);
      }
    }
    if (home == null || port == null || zk == null || args.length % 2 != 0)
      usage("--home, --port and --zk are needed");
    if (!Files.isRegularFile(home.resolve("solr.xml"))) usage("no solr.xml in " + home);

    Properties node = new Properties();
    node.setProperty("zkHost", zk);
    node.setProperty("hostPort", String.valueOf(port));
    System.setProperty("solr.solr.home", home.toString());
    JettySolrRunner runner =
        new JettySolrRunner(
            home.toString(),
            node,
            JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(true).build());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    if (runner.isRunning()) runner.stop();
                  } catch (Exception e) {
                    System.err.println("solr node: stopping: " + e);
                  } finally {
                    stopped.countDown();
                  }
                },
                "stop-solr-node"));
    runner.start();
    System.out.println(
        "solr node " + runner.getNodeName() + " running at " + runner.getBaseUrl() + " on " + zk);
    System.out.flush();
    stopped.await();
  }

  private static void usage(String why) {
    System.err.println("solr node: " + why);
    System.err.println("usage: SolrNode --home SOLR_HOME --port PORT --zk ZK_HOST");
    System.exit(2);
  }
}
