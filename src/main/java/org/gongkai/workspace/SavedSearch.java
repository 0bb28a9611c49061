package org.gongkai.workspace;

import java.time.Instant;

/**
 * A search a user saved: its name, the search as the query string of {@code /search} ({@code
 * q=…&region=…}), the secret token of its feed, and when its results were last looked at.
 */
public record SavedSearch(
    long id,
    long userId,
    String name,
    String query,
    String feedToken,
    Instant createdAt,
    Instant seenAt) {}
