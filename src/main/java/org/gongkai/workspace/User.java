package org.gongkai.workspace;

import java.time.Instant;

/**
 * An account of a workspace (never its password's hash: that stays in {@link Users}); {@code
 * passwordSetAt} is when its password was last set (a session signed in before is signed out).
 */
public record User(
    long id, String name, Role role, boolean disabled, Instant createdAt, Instant passwordSetAt) {}
