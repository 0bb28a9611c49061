package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal listens on this machine only unless told otherwise (`--host`). */
class ListeningAddressTest {

  @TempDir Path dir;

  private static boolean accepts(InetAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** An IPv4 address of this machine other than loopback, if it has one. */
  private static InetAddress outward() throws Exception {
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!n.isUp() || n.isLoopback()) continue;
      for (InetAddress a : Collections.list(n.getInetAddresses()))
        if (a instanceof Inet4Address) return a;
    }
    return null;
  }

  private Portal portal(IndexStore store, ServeConfig config) {
    return org.gongkai.TestSupport.portal(config, store).start();
  }

  @Test
  void byDefaultOnlyThisMachineCanConnect() throws Exception {
    assertEquals("127.0.0.1", new ServeConfig(dir, 0, null).host());
    try (IndexStore store =
            TestSupport.index(
                dir.resolve("index"),
                List.of(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt")));
        Portal local = portal(store, new ServeConfig(dir.resolve("index"), 0, null))) {
      assertTrue(accepts(InetAddress.getLoopbackAddress(), local.port()));
      InetAddress outward = outward();
      assumeTrue(outward != null, "this machine has no address but loopback");
      assertFalse(accepts(outward, local.port()), "not listening on " + outward);
      try (Portal everywhere =
          portal(store, new ServeConfig(dir.resolve("index"), "0.0.0.0", 0, null, null))) {
        assertTrue(accepts(outward, everywhere.port()));
        assertTrue(accepts(InetAddress.getLoopbackAddress(), everywhere.port()));
      }
    }
  }
}
