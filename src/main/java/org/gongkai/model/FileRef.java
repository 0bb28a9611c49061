package org.gongkai.model;

import java.util.Locale;

/**
 * One file a document was read from, as readers may see it: its name (never the server's path: a
 * member of an archive is {@code archive.zip!/dir/member.pdf}), its format (the name's extension)
 * and the SHA-256 of its bytes. {@code path} stays on the server.
 */
public record FileRef(String path, String name, String format, String sha256) {

  /** The file at {@code path} with bytes hashing to {@code sha256}. */
  public static FileRef of(String path, String sha256) {
    String name = displayName(path);
    String last = name.substring(name.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    String format = dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    return new FileRef(path, name, format, sha256);
  }

  /**
   * Files with the document's own bytes ({@code sha256}) first, then by name and path: the first is
   * what the document's text was read from.
   */
  public static java.util.Comparator<FileRef> order(String sha256) {
    return java.util.Comparator.comparing(
            (FileRef f) -> f.sha256() != null && f.sha256().equals(sha256) ? 0 : 1)
        .thenComparing(FileRef::name)
        .thenComparing(FileRef::path);
  }

  /** The file's name without the folders it was found in; an archive's member keeps its path. */
  static String displayName(String path) {
    int member = ArchivePaths.memberAt(path);
    String outer = member < 0 ? path : path.substring(0, member);
    String rest = member < 0 ? "" : path.substring(member);
    String sep = outer.replace('\\', '/');
    return sep.substring(sep.lastIndexOf('/') + 1) + rest;
  }
}
