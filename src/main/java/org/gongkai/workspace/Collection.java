package org.gongkai.workspace;

/** A collection: its name, whether anyone may read it, and how many files it holds. */
public record Collection(long id, String name, boolean isPublic, long files) {}
