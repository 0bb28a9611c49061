package org.gongkai.model;

import java.util.Locale;
import java.util.Set;

/**
 * How a member of an archive is named: {@code reports.zip!/2024/a.pdf}, the archive's path, {@code
 * !/}, the member's path in it. A folder may be named with a {@code !} as well ({@code 重要!/a.pdf}):
 * only a {@code !/} after an archive's name ends the archive's path.
 */
public final class ArchivePaths {

  /** Between an archive's path and a member's path in it. */
  public static final String SEPARATOR = "!/";

  /** The names read as archives, by extension. */
  public static final Set<String> EXTENSIONS = Set.of("zip", "7z", "rar");

  private ArchivePaths() {}

  /** Whether a file of this name is read as an archive (by its extension). */
  public static boolean isArchive(String name) {
    int dot = name.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Where the outermost archive's path ends in {@code path} (the index of its {@link #SEPARATOR}),
   * or -1 when {@code path} names no archive's member: the first {@code !/} whose path before it
   * ends in an archive's name.
   */
  public static int memberAt(String path) {
    for (int at = path.indexOf(SEPARATOR); at > 0; at = path.indexOf(SEPARATOR, at + 1)) {
      String before = path.substring(0, at).replace('\\', '/');
      if (isArchive(before.substring(before.lastIndexOf('/') + 1))) return at;
    }
    return -1;
  }
}
