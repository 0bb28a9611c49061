package org.gongkai.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Writes text as a real, text-layer PDF in the way government sites' PDFs are: A4 pages, lines
 * wrapped at the page width (so sentences break across lines and pages, as in the reports), Chinese
 * set in the standard CJK font {@code STSong-Light} with the predefined {@code UniGB-UCS2-H}
 * encoding.
 *
 * <p>Why not PDFBox's {@code PDPageContentStream}: it only writes fonts it can embed, and the
 * machine has no TrueType CJK font to embed (Noto CJK is CFF-based, which PDFBox cannot embed). The
 * standard CJK fonts need no embedding, and text extraction maps them back to Unicode through
 * Adobe's {@code Adobe-GB1-UCS2} table, which PDFBox ships; so the content stream is written here
 * directly.
 */
public final class SimplePdf {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final float FONT_SIZE = 10.5f;
  private static final float LEADING = 16f;
  private static final int CHARS_PER_LINE = 44; // 462 pt of text at 10.5 pt, full-width
  private static final int LINES_PER_PAGE = 46;

  /**
   * Bookmark markers that Tika's DOCX extraction left in the seed texts; a PDF has none. Lines
   * holding only a number (the original PDFs' page numbers, mostly) are left out too: this PDF
   * numbers no pages.
   */
  private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]\\n]*\\]");

  private static final Pattern LONE_NUMBER_CELL = Pattern.compile("\t+[0-9.,%]+\s*");

  private SimplePdf() {}

  /** A piece of text placed on a page: its left edge and baseline in points, its font size. */
  public record Placed(float x, float y, float size, String text) {}

  /** A ruling line from ({@code x0}, {@code y0}) to ({@code x1}, {@code y1}), in points. */
  public record Rule(float x0, float y0, float x1, float y1) {}

  /** One page's placed text and ruling lines. */
  public record Page(List<Placed> text, List<Rule> rules) {}

  /**
   * A one-page A4 PDF showing each piece where it is placed (the tests of PDF table reading lay out
   * tables so). Every glyph, digits included, is one em wide in this font.
   */
  public static byte[] placed(List<Placed> pieces) throws IOException {
    return pages(List.of(new Page(pieces, List.of())));
  }

  /** A PDF of A4 pages, each showing its pieces and stroking its rules (half a point wide). */
  public static byte[] pages(List<Page> pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      COSDictionary font = font(doc);
      for (Page page : pages) {
        StringBuilder ops = new StringBuilder();
        for (Rule r : page.rules()) {
          ops.append("0.5 w ")
              .append(r.x0())
              .append(' ')
              .append(r.y0())
              .append(" m ")
              .append(r.x1())
              .append(' ')
              .append(r.y1())
              .append(" l S\n");
        }
        for (Placed p : page.text()) {
          ops.append("BT /F1 ")
              .append(p.size())
              .append(" Tf ")
              .append(p.x())
              .append(' ')
              .append(p.y())
              .append(" Td <")
              .append(ucs2(p.text()))
              .append("> Tj ET\n");
        }
        addPage(doc, font, ops.toString());
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  /** Adds an A4 page drawing {@code ops} with {@code font} as /F1. */
  private static void addPage(PDDocument doc, COSDictionary font, String ops) throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    PDResources resources = new PDResources();
    COSDictionary fonts = new COSDictionary();
    fonts.setItem(COSName.getPDFName("F1"), font);
    resources.getCOSObject().setItem(COSName.FONT, fonts);
    page.setResources(resources);
    PDStream content = new PDStream(doc);
    try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(ops.getBytes(StandardCharsets.US_ASCII));
    }
    page.setContents(content);
    doc.addPage(page);
  }

  static void write(Path file, String text) throws IOException {
    List<String> lines = wrap(printable(text));
    try (PDDocument doc = new PDDocument()) {
      // PDFBox would stamp a time-based /ID: a fixed one keeps the same text giving the same bytes
      COSArray id = new COSArray();
      byte[] digest = sha256(text);
      id.add(new COSString(Arrays.copyOf(digest, 16)));
      id.add(new COSString(Arrays.copyOfRange(digest, 16, 32)));
      doc.getDocument().getTrailer().setItem(COSName.ID, id);
      COSDictionary font = font(doc);
      for (int from = 0, to; from < Math.max(1, lines.size()); from = to) {
        to = Math.min(lines.size(), from + LINES_PER_PAGE);
        StringBuilder ops = new StringBuilder();
        ops.append("BT /F1 ")
            .append(FONT_SIZE)
            .append(" Tf ")
            .append(LEADING)
            .append(" TL 66 776 Td\n");
        for (String line : lines.subList(from, to)) {
          ops.append('<').append(ucs2(line)).append("> Tj T*\n");
        }
        ops.append("ET\n");
        addPage(doc, font, ops.toString());
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        doc.save(out);
      }
    }
  }

  /**
   * The text as this PDF shows it: without the markers and number-only lines described at {@link
   * #BOOKMARK}.
   */
  static String printable(String text) {
    return BOOKMARK.matcher(text).replaceAll("").replaceAll("(?m)^ *[0-9]+ *\n", "");
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Paragraphs wrapped at the page width; an empty line stays an empty line, and a table row (cells
   * separated by tabs) stays on one line, as a PDF table's row does. A cell holding only a number
   * that the text put on a line of its own goes back onto its row: alone on a PDF line it would be
   * read as a page number.
   */
  static List<String> wrap(String text) {
    List<String> out = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      if (LONE_NUMBER_CELL.matcher(paragraph).matches()
          && !out.isEmpty()
          && !out.get(out.size() - 1).isBlank()) {
        out.set(out.size() - 1, out.get(out.size() - 1) + paragraph);
        continue;
      }
      if (paragraph.isEmpty() || paragraph.indexOf('\t') >= 0) {
        out.add(paragraph);
        continue;
      }
      for (int i = 0; i < paragraph.length(); i += CHARS_PER_LINE) {
        out.add(paragraph.substring(i, Math.min(paragraph.length(), i + CHARS_PER_LINE)));
      }
    }
    return out;
  }

  /**
   * UTF-16 code units as hex: what {@code UniGB-UCS2-H} reads. Every kind of space (tab, no-break,
   * ideographic) is written as a space, and a character outside the BMP as {@code ?}.
   */
  private static String ucs2(String line) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t' || Character.isSpaceChar(c)) c = ' ';
      else if (Character.isSurrogate(c)) c = '?';
      s.append(HEX.toHexDigits(c));
    }
    return s.toString();
  }

  /**
   * An identity ToUnicode map (each 2-byte code is its own UTF-16 code unit): Adobe's GB1 table
   * lacks a few characters the reports use (U+00B7 {@code ·}, for one), and extraction must give
   * back exactly what was written.
   */
  private static PDStream identityToUnicode(PDDocument doc) throws IOException {
    StringBuilder cmap =
        new StringBuilder(
            """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Gongkai-Identity-UCS2 def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        """);
    List<Integer> highs = new ArrayList<>();
    for (int hi = 0; hi < 256; hi++)
      if (hi < 0xD8 || hi > 0xDF) highs.add(hi); // no lone surrogates
    for (int from = 0; from < highs.size(); from += 100) {
      List<Integer> block = highs.subList(from, Math.min(highs.size(), from + 100));
      cmap.append(block.size()).append(" beginbfrange\n");
      for (int hi : block) cmap.append(String.format("<%02X00> <%02XFF> <%02X00>%n", hi, hi, hi));
      cmap.append("endbfrange\n");
    }
    cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    PDStream stream = new PDStream(doc);
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
    }
    return stream;
  }

  private static COSDictionary font(PDDocument doc) throws IOException {
    COSDictionary info = new COSDictionary();
    info.setString(COSName.REGISTRY, "Adobe");
    info.setString(COSName.ORDERING, "GB1");
    info.setInt(COSName.SUPPLEMENT, 2);
    COSDictionary descriptor = new COSDictionary();
    descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
    descriptor.setName(COSName.FONT_NAME, "STSong-Light");
    descriptor.setInt(COSName.FLAGS, 6);
    descriptor.setItem(COSName.FONT_BBOX, ints(-25, -254, 1000, 880));
    descriptor.setInt(COSName.ITALIC_ANGLE, 0);
    descriptor.setInt(COSName.ASCENT, 880);
    descriptor.setInt(COSName.DESCENT, -120);
    descriptor.setInt(COSName.CAP_HEIGHT, 880);
    descriptor.setInt(COSName.STEM_V, 93);
    COSDictionary cid = new COSDictionary();
    cid.setItem(COSName.TYPE, COSName.FONT);
    cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
    cid.setName(COSName.BASE_FONT, "STSong-Light");
    cid.setItem(COSName.CIDSYSTEMINFO, info);
    cid.setItem(COSName.FONT_DESC, descriptor);
    cid.setInt(COSName.DW, 1000);
    COSDictionary type0 = new COSDictionary();
    type0.setItem(COSName.TYPE, COSName.FONT);
    type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
    type0.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
    type0.setName(COSName.ENCODING, "UniGB-UCS2-H");
    COSArray descendants = new COSArray();
    descendants.add(cid);
    type0.setItem(COSName.DESCENDANT_FONTS, descendants);
    type0.setItem(COSName.TO_UNICODE, identityToUnicode(doc));
    return type0;
  }

  private static COSArray ints(int... values) {
    COSArray a = new COSArray();
    for (int v : values) a.add(COSInteger.get(v));
    return a;
  }
}
