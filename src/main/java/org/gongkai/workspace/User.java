package org.gongkai.workspace;

import java.time.Instant;

/** An account of a workspace (never its password's hash: that stays in {@link Users}). */
public record User(long id, String name, Role role, boolean disabled, Instant createdAt) {}
