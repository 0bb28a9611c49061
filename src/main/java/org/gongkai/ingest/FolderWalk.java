package org.gongkai.ingest;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files a run is given: folders walked into their supported files (sorted; hidden files, Office
 * lock files and what cannot be read or followed left out and said why). Split from {@link
 * Indexer}, which reads and indexes what this finds.
 */
final class FolderWalk {

  private FolderWalk() {}

  /**
   * Expands folders into their supported files (sorted, hidden files left out); returns how many
   * were skipped. What the walk cannot enter or follow — a symbolic-link loop, a folder it may not
   * read, a link to nothing — is skipped too and listed in {@code unreadable} with the reason; the
   * walk goes on.
   */
  static int collect(
      List<Path> paths,
      List<Path> out,
      List<IngestReport.Failure> unreadable,
      List<String> skippedFiles)
      throws IOException {
    Set<Path> seen = new LinkedHashSet<>();
    int[] skipped = {0};
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        seen.add(p);
        continue;
      }
      List<Path> inside = new ArrayList<>();
      Files.walkFileTree(
          p,
          java.util.EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(
                Path dir, java.nio.file.attribute.BasicFileAttributes a) {
              return !dir.equals(p) && hidden(p, dir)
                  ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                  : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(
                Path f, java.nio.file.attribute.BasicFileAttributes a) {
              if (hidden(p, f)) return java.nio.file.FileVisitResult.CONTINUE;
              if (!namedInUtf8(f)) {
                // its name would be stored with U+FFFD and never found again (pruned each run,
                // its download lost): said, not indexed
                skipped[0]++;
                unreadable.add(new IngestReport.Failure(f.toString(), NOT_UTF8_NAME));
              } else if (a.isSymbolicLink()) {
                // followed links report their target's attributes: a link seen as a link points at
                // nothing, or at itself
                skipped[0]++;
                unreadable.add(new IngestReport.Failure(f.toString(), brokenLink(f)));
              } else if (a.isRegularFile()) {
                inside.add(f);
              } else if (a.isOther()) {
                // a named pipe (reading it would wait for a writer), a socket, a device
                skipped[0]++;
                unreadable.add(
                    new IngestReport.Failure(
                        f.toString(),
                        "not a regular file (a named pipe, socket or device): not read"));
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
              if (hidden(p, f)) return java.nio.file.FileVisitResult.CONTINUE;
              skipped[0]++;
              unreadable.add(new IngestReport.Failure(f.toString(), walkReason(e)));
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
      java.util.Collections.sort(inside);
      for (Path f : inside) {
        if (Indexer.EXTENSIONS.contains(extension(f))) seen.add(f);
        else {
          skipped[0]++;
          skippedFiles.add(f.toString());
        }
      }
    }
    out.addAll(seen);
    unreadable.sort(java.util.Comparator.comparing(IngestReport.Failure::file));
    return skipped[0];
  }

  static final String NOT_UTF8_NAME =
      "its name is not UTF-8 (a GBK name from Windows?): rename it, e.g. convmv -f gbk -t utf8"
          + " --notest -r FOLDER";

  /**
   * Whether the file's path is what its name says (its folders' names included): the platform read
   * its bytes as UTF-8, so the name stored finds the file again.
   */
  static boolean namedInUtf8(Path f) {
    // bytes that are not UTF-8 are read as U+FFFD, which writes back as other bytes; a name that
    // holds U+FFFD itself (written in UTF-8) comes back the same
    return Path.of(f.toString()).equals(f);
  }

  /** Why a symbolic link the walk could not follow is not read: it leads nowhere, or in a loop. */
  private static String brokenLink(Path f) {
    try {
      f.toRealPath();
      return "symbolic link that cannot be followed";
    } catch (java.nio.file.NoSuchFileException gone) {
      return "dangling symbolic link: its target does not exist";
    } catch (IOException loop) {
      return "symbolic link loop: it leads back to itself";
    }
  }

  private static String walkReason(IOException e) {
    if (e instanceof java.nio.file.FileSystemLoopException)
      return "symbolic link loop: it leads back into a folder already walked";
    if (e instanceof java.nio.file.AccessDeniedException)
      return "permission denied: the folder or file cannot be read";
    if (e instanceof java.nio.file.NoSuchFileException) return "gone while the folder was walked";
    return "cannot be read: "
        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  /** Dot files and folders, and Office lock files ({@code ~$report.docx}). */
  private static boolean hidden(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("~$")) return true;
    }
    return false;
  }

  private static String extension(Path f) {
    String name = f.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
