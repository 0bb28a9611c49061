package org.gongkai.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a document lives, and so who may see it: the public index ({@link #PUBLIC}), or the own
 * index of one private collection, named by the collection's storage key. A document belongs to one
 * domain: it is never merged, deduplicated or grouped with a document of another, and its id is its
 * domain's — the same bytes in two domains are two documents with two ids, so notes, tags and
 * permalinks made in one never reach the other.
 */
public record Domain(String key) {

  /** The public index: what everyone may read. */
  public static final Domain PUBLIC = new Domain(null);

  /** A storage key: 32 lower-case hex digits (random, made once for a collection). */
  public static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[0-9a-f]{32}");

  public Domain {
    if (key != null && !KEY.matcher(key).matches())
      throw new IllegalArgumentException("not a collection's storage key: " + key);
  }

  /** The private collection whose storage key is {@code key}. */
  public static Domain of(String key) {
    return new Domain(key);
  }

  public boolean isPublic() {
    return key == null;
  }

  /** Length of a document id (hex digits). */
  public static final int DOC_ID_LENGTH = 16;

  /**
   * The id of the document read from a file of these bytes in this domain: in the public index the
   * first digits of its SHA-256 (permalinks stay what they were), in a private collection the first
   * digits of the SHA-256 of the key and the file's SHA-256 — an id that says nothing of the bytes
   * to anyone without the key, and differs from the public document of the same bytes.
   */
  public String docId(String sha256) {
    if (key == null) return sha256.substring(0, DOC_ID_LENGTH);
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((key + "/" + sha256).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(h).substring(0, DOC_ID_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java has SHA-256
    }
  }

  @Override
  public String toString() {
    return key == null ? "public" : "collection " + key;
  }
}
