package org.gongkai.workspace;

/**
 * A collection: its name, whether anyone may read it, how many files it holds, and its storage key
 * (where a private collection's own index lies, and what its documents' ids are made from).
 */
public record Collection(long id, String name, boolean isPublic, long files, String key) {

  /** Its documents' domain: the public index for a public collection, its own index otherwise. */
  public org.gongkai.model.Domain domain() {
    return isPublic ? org.gongkai.model.Domain.PUBLIC : org.gongkai.model.Domain.of(key);
  }
}
