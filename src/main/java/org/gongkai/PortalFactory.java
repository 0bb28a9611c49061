package org.gongkai;

import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.web.Portal;

/** Builds the portal over an open index (not started). */
@FunctionalInterface
interface PortalFactory {
  Portal portal(ServeConfig config, IndexStore store);
}
