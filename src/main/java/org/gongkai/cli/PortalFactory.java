package org.gongkai.cli;

import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.web.Portal;

/** Builds the portal over an open index (not started). */
@FunctionalInterface
interface PortalFactory {
  /** With accounts on over {@code workspace}; null: one user, no sign-in. */
  Portal portal(ServeConfig config, IndexStore store, org.gongkai.workspace.Workspace workspace);

  default Portal portal(ServeConfig config, IndexStore store) {
    return portal(config, store, null);
  }
}
