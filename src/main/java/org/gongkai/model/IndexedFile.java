package org.gongkai.model;

/**
 * One file the index has seen: its path, the SHA-256 of its bytes, the document it became, and the
 * version of the ingest pipeline that read it (an older version means the file is read again).
 */
public record IndexedFile(String path, String sha256, String docId, int pipeline) {}
