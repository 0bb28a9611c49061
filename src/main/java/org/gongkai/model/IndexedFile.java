package org.gongkai.model;

/** One file the index has seen: its path, the SHA-256 of its bytes and the document it became. */
public record IndexedFile(String path, String sha256, String docId) {}
