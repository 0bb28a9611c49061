package org.gongkai.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dom4j.Element;
import org.gongkai.config.ExtractConfig;
import org.gongkai.model.ExtractedText;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.pageObj.Content;
import org.ofdrw.core.basicStructure.pageObj.Page;
import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.basicStructure.pageObj.layer.PageBlockType;
import org.ofdrw.core.basicStructure.pageObj.layer.block.CT_PageBlock;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.core.basicType.ST_Array;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.reader.OFDReader;

/**
 * Reads the text of an OFD file (GB/T 33190, the national fixed-layout format) with ofdrw, the
 * maintained Java library for it (Tika has no OFD parser).
 *
 * <p>An OFD page is a set of positioned text objects — often one per character or per table cell —
 * so ofdrw's own extractor, which lists them in drawing order, would put every cell on its own
 * line. Here the pieces of a page are placed by their baseline and left edge: pieces on one
 * baseline are one line, read left to right, and a gap wider than two characters between them is a
 * tab (a table row keeps its cells). Pages are separated by form feeds, as for PDFs. Template pages
 * (running headers and footers) are left out.
 *
 * <p>The package is unpacked by {@link Archives}, with its limits against zip bombs, before ofdrw
 * sees it (ofdrw's own unpacking has no limit), and XML that declares a document type is refused,
 * so no external entity is ever read.
 */
final class OfdText {

  /** The file an OFD package starts from (GB/T 33190 §7.4). */
  static final String ENTRY = "OFD.xml";

  /** A piece of text drawn at a point: its baseline y, left x, estimated right x, font size. */
  private record Piece(double x, double y, double right, double size, String text) {}

  private OfdText() {}

  /** Whether these bytes are a zip package whose root holds {@code OFD.xml}. */
  static boolean isOfd(byte[] bytes) {
    if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') return false;
    try (ZipFile zip =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
      return zip.getEntry(ENTRY) != null;
    } catch (IOException | RuntimeException notAZip) {
      return false;
    }
  }

  static ExtractedText read(byte[] bytes, ExtractConfig config) throws ExtractionException {
    if (!isOfd(bytes)) {
      throw new ExtractionException(
          "not a real OFD file: an OFD is a zip package with OFD.xml at its root");
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("gongkai-ofd-");
    } catch (IOException e) {
      throw new ExtractionException("cannot unpack the OFD: " + e.getMessage(), e);
    }
    try {
      try {
        unpack(bytes, dir, config);
      } catch (IOException e) {
        if (e.getCause() instanceof ExtractionException why) throw why;
        throw e;
      }
      // deleteOnClose false: the folder is ours, deleted below whatever happens
      try (OFDReader reader = new OFDReader(dir.toString(), false)) {
        return text(reader, config);
      }
    } catch (ExtractionException e) {
      throw e;
    } catch (IOException | RuntimeException | LinkageError e) {
      throw new ExtractionException(
          "cannot parse OFD (corrupt or truncated?): " + TikaExtractor.rootMessage(e), e);
    } catch (Exception e) { // dom4j's DocumentException, thrown through ofdrw's getters
      throw new ExtractionException(
          "cannot parse OFD (corrupt or truncated?): " + TikaExtractor.rootMessage(e), e);
    } finally {
      delete(dir);
    }
  }

  private static void unpack(byte[] bytes, Path dir, ExtractConfig config)
      throws ExtractionException, IOException {
    new Archives(config)
        .read(
            "document.zip",
            bytes,
            m -> {
              if (m.bytes() == null) {
                throw new IOException(new ExtractionException(m.path() + ": " + m.failure()));
              }
              Path target = dir.resolve(m.path()).normalize();
              if (!target.startsWith(dir)) {
                throw new IOException(
                    new ExtractionException("refused: a path outside the package: " + m.path()));
              }
              if (m.path().toLowerCase(Locale.ROOT).endsWith(".xml") && declaresDoctype(m.bytes()))
                throw new IOException(
                    new ExtractionException(
                        "refused: " + m.path() + " declares a document type (OFD never does)"));
              Files.createDirectories(target.getParent());
              Files.write(target, m.bytes());
            });
  }

  /** A DOCTYPE is how XML brings in external entities; OFD's schemas never use one. */
  private static boolean declaresDoctype(byte[] xml) {
    String head =
        new String(xml, 0, Math.min(xml.length, 4096), StandardCharsets.ISO_8859_1)
            .toUpperCase(Locale.ROOT);
    return head.contains("<!DOCTYPE") || head.contains("<!ENTITY");
  }

  private static ExtractedText text(OFDReader reader, ExtractConfig config)
      throws ExtractionException, Exception {
    int pages = reader.getNumberOfPages();
    StringBuilder out = new StringBuilder();
    for (int n = 1; n <= pages; n++) {
      if (n > 1) out.append('\f');
      Page page = reader.getPage(n);
      List<Piece> pieces = new ArrayList<>();
      Content content = page.getContent();
      if (content != null) {
        for (CT_Layer layer : content.getLayers()) collect(layer.getPageBlocks(), 0, pieces);
      }
      lines(pieces, out);
      if (out.length() > config.maxChars()) {
        throw new ExtractionException(
            "text too long: more than " + config.maxChars() + " characters");
      }
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("contentType", TikaExtractor.OFD_TYPE);
    CT_DocInfo info = reader.getOFDDir().getOfd().getDocBody().getDocInfo();
    if (info != null) {
      put(meta, "title", TikaExtractor.declaredTitle(childText(info, "Title")));
      put(meta, "author", info.getAuthor());
      put(meta, "created", date(info.getCreationDate()));
      put(meta, "modified", date(info.getModDate()));
    }
    meta.put("pages", Integer.toString(pages));
    String text = out.toString();
    if (text.isBlank()) {
      throw new ExtractionException(
          "no text layer in the OFD (scanned pages: OCR reads scanned PDFs, not OFD; export it as"
              + " PDF)");
    }
    return new ExtractedText(text, TikaExtractor.OFD_TYPE, meta);
  }

  /** Page blocks nest; a hostile file could nest them without end, so depth is bounded. */
  private static void collect(List<PageBlockType> blocks, int depth, List<Piece> out) {
    if (depth > 60) return;
    for (PageBlockType block : blocks) {
      if (block instanceof TextObject text) {
        add(text, out);
      } else if (block instanceof CT_PageBlock nested) {
        collect(nested.getPageBlocks(), depth + 1, out);
      }
    }
  }

  private static void add(TextObject text, List<Piece> out) {
    ST_Box box = text.getBoundary();
    double bx = box == null ? 0 : box.getTopLeftX();
    double by = box == null ? 0 : box.getTopLeftY();
    Double s = text.getSize();
    double size = s == null || s <= 0 ? 3.5 : s; // 3.5 mm: about 10 pt, the usual body size
    double x = 0, y = 0;
    for (TextCode code : text.getTextCodes()) {
      String content = code.getContent();
      // a code without X or Y continues where the previous one ended (GB/T 33190 §11.3)
      if (code.getX() != null) x = code.getX();
      if (code.getY() != null) y = code.getY();
      if (content == null || content.isEmpty()) continue;
      double advance = advance(code.getDeltaX(), content, size);
      out.add(new Piece(bx + x, by + y, bx + x + advance, size, content));
      x += advance;
    }
  }

  /**
   * How far a code's text reaches: the sum of its DeltaX (the advance after each character but the
   * last; {@code g N v} repeats v N times), plus the last character's own width. Counted, never
   * expanded, so a huge repeat count costs nothing.
   */
  private static double advance(ST_Array deltaX, String content, double size) {
    int chars = content.codePointCount(0, content.length());
    double sum = 0;
    int counted = 0;
    if (deltaX != null) {
      List<String> a = deltaX.getArray();
      for (int i = 0; i < a.size() && counted < chars - 1; i++) {
        try {
          if ("g".equals(a.get(i)) && i + 2 < a.size()) {
            long n = Math.min(Long.parseLong(a.get(i + 1)), chars - 1 - counted);
            sum += n * Double.parseDouble(a.get(i + 2));
            counted += (int) n;
            i += 2;
          } else {
            sum += Double.parseDouble(a.get(i));
            counted++;
          }
        } catch (NumberFormatException bad) {
          break;
        }
      }
    }
    // characters without a DeltaX advance by their own width
    for (int k = counted; k < chars - 1; k++) sum += size * 0.6;
    int last = content.codePointBefore(content.length());
    return sum + (wide(last) ? size : size * 0.55);
  }

  /**
   * Whether a small gap separates two words of Latin script; between Chinese characters and digits
   * the gaps of loosely set text mean nothing (a year drawn digit by digit is one number).
   */
  private static boolean words(String before, String after) {
    return Character.isLetter(before.codePointBefore(before.length()))
        && !wide(before.codePointBefore(before.length()))
        && Character.isLetter(after.codePointAt(0))
        && !wide(after.codePointAt(0));
  }

  private static boolean wide(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
        || cp >= 0x3000 && cp <= 0x303f
        || cp >= 0xff00 && cp <= 0xffef;
  }

  /** The pieces of one page as lines: grouped by baseline, read left to right. */
  private static void lines(List<Piece> pieces, StringBuilder out) {
    pieces.sort(Comparator.comparingDouble(Piece::y).thenComparingDouble(Piece::x));
    List<List<Piece>> lines = new ArrayList<>();
    List<Piece> line = null;
    double baseline = 0;
    for (Piece p : pieces) {
      if (line == null || Math.abs(p.y() - baseline) > p.size() * 0.4) {
        line = new ArrayList<>();
        lines.add(line);
        baseline = p.y();
      }
      line.add(p);
    }
    boolean first = true;
    for (List<Piece> l : lines) {
      l.sort(Comparator.comparingDouble(Piece::x));
      if (!first) out.append('\n');
      first = false;
      Piece prev = null;
      for (Piece p : l) {
        if (prev != null) {
          double gap = p.x() - prev.right();
          if (gap > 2 * p.size()) out.append('\t');
          else if (gap > p.size() || gap > 0.3 * p.size() && words(prev.text(), p.text()))
            out.append(' ');
        }
        out.append(p.text());
        prev = p;
      }
    }
  }

  private static String childText(Element e, String name) {
    for (Element child : e.elements()) {
      if (child.getName().equals(name)) return child.getTextTrim();
    }
    return null;
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static void put(Map<String, String> out, String key, String value) {
    if (value != null && !value.isBlank()) out.put(key, value.strip());
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException leftForTheOs) {
                  // a temp file the OS cleans up
                }
              });
    } catch (IOException leftForTheOs) {
      // as above
    }
  }
}
