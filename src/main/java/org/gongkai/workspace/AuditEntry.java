package org.gongkai.workspace;

import java.time.Instant;

/**
 * One line of the audit log: when, who did it (null: nobody signed in, or the command line's
 * operator), what ({@code login}, {@code login_failed}, {@code user_added} …), to what, from where.
 */
public record AuditEntry(
    long id, Instant at, String actor, String action, String target, String address) {}
