package org.gongkai.extract;

import com.github.junrar.Archive;
import com.github.junrar.exception.RarException;
import com.github.junrar.rarfile.FileHeader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.gongkai.config.ExtractConfig;

/**
 * Opens archives of reports ({@code .zip}, {@code .7z}, {@code .rar}) into their members, each to
 * be read as its own file: {@code 报告.zip!/2024/决算.pdf}, and archives inside them to a limited depth
 * ({@code a.zip!/b.zip!/c.pdf}).
 *
 * <p>Names are decoded as the archive wrote them: a zip made on Chinese Windows stores names in GBK
 * without saying so, so a name not marked UTF-8 is read as strict UTF-8 first, then as GB18030 —
 * the order plain text is read in. Unpacking is bounded (zip bombs): a member larger than the
 * file-size limit, an archive that unpacks to more than {@link #MAX_TOTAL_FACTOR} times that in
 * all, or one with more than {@link #MAX_MEMBERS} members is refused, as are archives nested deeper
 * than {@link ExtractConfig#maxEmbeddedDepth()}.
 *
 * <p>Apache Commons Compress (zip, 7z) and junrar (rar up to version 4; RAR5 is not read) are the
 * libraries Tika itself reads archives with; Tika's own package parser would run all members into
 * one text, where each report must be its own document.
 */
public final class Archives {

  /** Between an archive's path and a member's path in it. */
  public static final String SEPARATOR = org.gongkai.model.ArchivePaths.SEPARATOR;

  public static final Set<String> EXTENSIONS = org.gongkai.model.ArchivePaths.EXTENSIONS;

  /** At most this many members are read per archive. */
  public static final int MAX_MEMBERS = 10_000;

  /** An archive unpacks to at most this many times the file-size limit in all. */
  public static final int MAX_TOTAL_FACTOR = 10;

  /**
   * The most memory a 7z member's decoder may ask for (its dictionary): 64 MiB, well below the
   * portal's heap (a 192 MiB dictionary in an 8 KB file made half the downloads fail).
   */
  static final int MAX_7Z_MEMORY_KIB = 64 * 1024;

  /** The counter {@link #unique} adds to a repeated name: {@code 报告 (2).pdf}. */
  private static final java.util.regex.Pattern COUNTER =
      java.util.regex.Pattern.compile(" \\([0-9]+\\)((?:\\.[^./]*)?(?:!/.*)?)$");

  /** What a reader hands over for a member it passed over unread. */
  private static final byte[] SKIPPED = new byte[0];

  private final ExtractConfig config;

  public Archives(ExtractConfig config) {
    this.config = config;
  }

  /** One file inside an archive: its path there, and its bytes or why they cannot be read. */
  public record Member(String path, byte[] bytes, String failure) {}

  /** Told about each member as the archive is read. */
  @FunctionalInterface
  public interface Visitor {
    void member(Member m) throws IOException;
  }

  /** Whether a file of this name is read as an archive (by its extension). */
  public static boolean isArchive(String name) {
    return org.gongkai.model.ArchivePaths.isArchive(name);
  }

  /**
   * Visits the members of the archive {@code name} holding {@code bytes} in the archive's order,
   * with the members of archives inside it; folders are left out. A member that cannot be read is
   * visited with its reason.
   *
   * @throws ExtractionException when the archive itself cannot be read, or unpacks past the limits
   * @throws IOException what the visitor throws
   */
  public void read(String name, byte[] bytes, Visitor visitor)
      throws ExtractionException, IOException {
    try {
      expand(name, bytes, "", 1, visitor, new long[] {0, 0}, new java.util.HashSet<>(), p -> true);
    } catch (VisitorFailed e) {
      throw e.getCause();
    }
  }

  /**
   * The bytes of one member, {@code inner} being its path inside ({@code dir/a.pdf}, or nested).
   */
  public byte[] member(String name, byte[] bytes, String inner) throws ExtractionException {
    Member[] found = {null};
    // only the member asked for is unpacked (and the archives on its way): the others are passed
    // over unread; a name made unique ("报告 (2).pdf") is looked for under its stored name too
    String stored = COUNTER.matcher(inner).replaceFirst("$1");
    java.util.function.Predicate<String> onTheWay =
        p ->
            p.equals(inner)
                || p.equals(stored)
                || inner.startsWith(p + SEPARATOR)
                || stored.startsWith(p + SEPARATOR);
    try {
      expand(
          name,
          bytes,
          "",
          1,
          m -> {
            if (found[0] == null && m.path().equals(inner)) found[0] = m;
          },
          new long[] {0, 0},
          new java.util.HashSet<>(),
          onTheWay);
    } catch (VisitorFailed e) {
      throw new ExtractionException(e.getCause().getMessage(), e.getCause());
    }
    if (found[0] == null) throw new ExtractionException("no file " + inner + " in the archive");
    if (found[0].bytes() == null) throw new ExtractionException(found[0].failure());
    return found[0].bytes();
  }

  private int maxDepth() {
    return Math.max(1, config.maxEmbeddedDepth());
  }

  /** An entry of one archive: its name and content, or why the content cannot be read. */
  @FunctionalInterface
  private interface Entries {
    void entry(String name, byte[] content, String failure) throws ExtractionException;
  }

  /**
   * Reads the archive's members, and the members of archives inside it; {@code total} holds the
   * bytes unpacked so far and the members met so far across all levels (the limits hold for the
   * outer file as a whole), {@code seen} the paths given so far.
   */
  private void expand(
      String name,
      byte[] bytes,
      String prefix,
      int depth,
      Visitor visitor,
      long[] total,
      Set<String> seen,
      java.util.function.Predicate<String> wanted)
      throws ExtractionException {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    java.util.function.Predicate<String> read =
        entryName -> wanted.test(prefix + memberName(entryName));
    Entries each =
        (rawName, content, failure) -> {
          String entryName = memberName(rawName);
          if (++total[1] > MAX_MEMBERS) {
            throw new ExtractionException(
                "refused: more than "
                    + MAX_MEMBERS
                    + " files in the archive, archives inside it counted (a zip bomb?)");
          }
          // two members of one name (a zip may hold both): the second is name (2), and so on, in
          // the archive's order, so each is its own report and keeps its path from run to run
          String path = unique(prefix + entryName, seen);
          if (content == SKIPPED) return;
          if (failure != null) {
            visit(visitor, new Member(path, null, failure));
            return;
          }
          total[0] += content.length;
          if (total[0] > config.maxFileBytes() * MAX_TOTAL_FACTOR) {
            throw new ExtractionException(
                "refused: the archive unpacks to more than "
                    + ((config.maxFileBytes() * MAX_TOTAL_FACTOR) >> 20)
                    + " MB (a zip bomb?)");
          }
          if (!isArchive(entryName)) {
            visit(visitor, new Member(path, content, null));
          } else if (depth >= maxDepth()) {
            visit(
                visitor,
                new Member(
                    path,
                    null,
                    "archive nested too deep: archives inside archives are opened "
                        + maxDepth()
                        + " levels deep"));
          } else {
            try {
              expand(entryName, content, path + SEPARATOR, depth + 1, visitor, total, seen, wanted);
            } catch (ExtractionException inner) {
              visit(visitor, new Member(path, null, inner.getMessage()));
            }
          }
        };
    try {
      switch (ext) {
        case "zip" -> {
          long declared = ZipDirectory.declaredEntries(bytes);
          if (declared > MAX_MEMBERS - total[1])
            throw new ExtractionException(
                "refused: the archive declares "
                    + declared
                    + " files"
                    + (total[1] > 0 ? "; with the " + total[1] + " read before it, that is" : ",")
                    + " more than the "
                    + MAX_MEMBERS
                    + " an archive may hold in all, archives inside it counted (a zip bomb?)");
          zip(bytes, each, read);
        }
        case "7z" -> sevenZ(bytes, each, read);
        case "rar" -> rar(bytes, each, read);
        default -> throw new ExtractionException("not an archive: " + name);
      }
    } catch (ExtractionException | VisitorFailed e) {
      throw e;
    } catch (org.apache.commons.compress.MemoryLimitException e) {
      throw new ExtractionException(
          "refused: the "
              + ext
              + " archive asks for "
              + String.format(Locale.ROOT, "%,d", e.getMemoryNeededInKb())
              + " KiB of memory to unpack, more than the "
              + String.format(Locale.ROOT, "%,d", e.getMemoryLimitInKb())
              + " KiB allowed (a decompression bomb?)",
          e);
    } catch (OutOfMemoryError e) {
      // what the limits did not foresee fails this file alone; the run goes on
      throw new ExtractionException(
          "refused: unpacking the " + ext + " archive needs more memory than there is", null);
    } catch (IOException | RarException | RuntimeException e) {
      String why = message(e);
      String lower = why.toLowerCase(Locale.ROOT);
      if (lower.contains("password") || lower.contains("encrypt"))
        throw new ExtractionException("encrypted (password-protected) archive", e);
      throw new ExtractionException(
          "cannot read the " + ext + " archive (corrupt or truncated?): " + why, e);
    }
  }

  /** {@code path}, or {@code name (2).ext}, {@code name (3).ext} … when it was given already. */
  /**
   * A member's name as a path names it: {@code a//b.txt} and {@code ./a/b.txt} are {@code a/b.txt}
   * (a path typed or stored collapses them, and must find the member again).
   */
  static String memberName(String name) {
    String n = name.replaceAll("/{2,}", "/");
    while (n.startsWith("/") || n.startsWith("./")) n = n.substring(n.startsWith("/") ? 1 : 2);
    return n;
  }

  static String unique(String path, Set<String> seen) {
    if (seen.add(path)) return path;
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot <= slash + 1) dot = path.length();
    for (int n = 2; ; n++) {
      String candidate = path.substring(0, dot) + " (" + n + ")" + path.substring(dot);
      if (seen.add(candidate)) return candidate;
    }
  }

  private static void visit(Visitor visitor, Member m) {
    try {
      visitor.member(m);
    } catch (IOException e) {
      throw new VisitorFailed(e);
    }
  }

  /** The visitor's own failure (writing the index), carried out past the archive's handlers. */
  private static final class VisitorFailed extends UncheckedIOException {
    VisitorFailed(IOException cause) {
      super(cause);
    }
  }

  private static final class TooLarge extends IOException {}

  private String tooLarge() {
    return "file too large: more than "
        + (config.maxFileBytes() >> 20)
        + " MB unpacked (limit "
        + (config.maxFileBytes() >> 20)
        + " MB)";
  }

  /** Reads at most the file-size limit, failing past it. */
  private byte[] bounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(new Bounded(out, config.maxFileBytes()));
    return out.toByteArray();
  }

  private void zip(byte[] bytes, Entries each, java.util.function.Predicate<String> read)
      throws IOException, ExtractionException {
    // names are decoded from their raw bytes below; this charset serves only names marked UTF-8
    try (ZipFile zip =
        ZipFile.builder()
            .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
            .setCharset(StandardCharsets.UTF_8)
            .setUseUnicodeExtraFields(true)
            .get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        if (e.isDirectory()) continue;
        String name = zipName(e);
        if (!read.test(name)) {
          each.entry(name, SKIPPED, null);
        } else if (e.getGeneralPurposeBit().usesEncryption()) {
          each.entry(name, null, "encrypted (password-protected) in the archive");
        } else if (!zip.canReadEntryData(e)) {
          each.entry(name, null, "cannot unpack: a compression method that is not supported");
        } else {
          byte[] content;
          try (InputStream in = zip.getInputStream(e)) {
            content = bounded(in);
          } catch (TooLarge t) {
            each.entry(name, null, tooLarge());
            continue;
          } catch (IOException | RuntimeException ex) {
            each.entry(name, null, "cannot unpack from the archive: " + message(ex));
            continue;
          }
          each.entry(name, content, null);
        }
      }
    }
  }

  /** A zip member's name: as marked (UTF-8, or a Unicode extra field), else decoded by content. */
  static String zipName(ZipArchiveEntry e) {
    if (e.getGeneralPurposeBit().usesUTF8ForNames()
        || e.getNameSource() == ZipArchiveEntry.NameSource.UNICODE_EXTRA_FIELD) {
      return clean(e.getName());
    }
    return clean(decodeName(e.getRawName()));
  }

  /** Name bytes of unknown encoding: strict UTF-8 (ASCII included), else GB18030 (GBK). */
  public static String decodeName(byte[] raw) {
    for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
      try {
        return cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(raw))
            .toString();
      } catch (CharacterCodingException notThis) {
        // try the next
      }
    }
    return new String(raw, StandardCharsets.ISO_8859_1);
  }

  /** Windows separators as slashes, and no leading slash. */
  private static String clean(String name) {
    String n = name.replace('\\', '/');
    while (n.startsWith("/")) n = n.substring(1);
    return n;
  }

  private void sevenZ(byte[] bytes, Entries each, java.util.function.Predicate<String> read)
      throws IOException, ExtractionException {
    try (SevenZFile seven =
        SevenZFile.builder()
            .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
            .setMaxMemoryLimitKiB(MAX_7Z_MEMORY_KIB)
            .get()) {
      for (SevenZArchiveEntry e; (e = seven.getNextEntry()) != null; ) {
        if (e.isDirectory() || !e.hasStream()) continue;
        String name = clean(e.getName());
        if (!read.test(name)) {
          each.entry(name, SKIPPED, null);
          continue;
        }
        byte[] content;
        try (InputStream in = seven.getInputStream(e)) {
          content = bounded(in);
        } catch (TooLarge t) {
          each.entry(name, null, tooLarge());
          continue;
        }
        each.entry(name, content, null);
      }
    }
  }

  private void rar(byte[] bytes, Entries each, java.util.function.Predicate<String> read)
      throws IOException, RarException, ExtractionException {
    try (Archive rar = new Archive(new ByteArrayInputStream(bytes))) {
      if (rar.isEncrypted())
        throw new ExtractionException("encrypted (password-protected) archive");
      for (FileHeader h : rar.getFileHeaders()) {
        if (h.isDirectory()) continue;
        String name = clean(h.isUnicode() ? h.getFileName() : decodeName(h.getFileNameByteArray()));
        if (!read.test(name)) {
          each.entry(name, SKIPPED, null);
          continue;
        }
        if (h.isEncrypted()) {
          each.entry(name, null, "encrypted (password-protected) in the archive");
          continue;
        }
        if (h.getFullUnpackSize() > config.maxFileBytes()) {
          each.entry(name, null, tooLarge());
          continue;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try {
          rar.extractFile(h, new Bounded(content, config.maxFileBytes()));
        } catch (RarException | RuntimeException e) {
          each.entry(
              name,
              null,
              e.getCause() instanceof TooLarge
                  ? tooLarge()
                  : "cannot unpack from the archive: " + message(e));
          continue;
        }
        each.entry(name, content.toByteArray(), null);
      }
    }
  }

  /** An output stream that refuses to grow past a limit. */
  private static final class Bounded extends FilterOutputStream {
    private final long limit;
    private long n;

    Bounded(OutputStream out, long limit) {
      super(out);
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      if (++n > limit) throw new TooLarge();
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      n += len;
      if (n > limit) throw new TooLarge();
      out.write(b, off, len);
    }
  }

  private static String message(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
