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
import java.util.SortedSet;
import java.util.TreeSet;
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
      COSDictionary font = font(doc, pageCodes(pages));
      for (Page page : pages) addPage(doc, font, ops(page));
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  /**
   * PDFBox would stamp a time-based /ID: one made from what the document shows keeps the same
   * content giving the same bytes.
   */
  private static void fixedId(PDDocument doc, String content) {
    COSArray id = new COSArray();
    byte[] digest = sha256(content);
    id.add(new COSString(Arrays.copyOf(digest, 16)));
    id.add(new COSString(Arrays.copyOfRange(digest, 16, 32)));
    doc.getDocument().getTrailer().setItem(COSName.ID, id);
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

  /** How many pages {@link #write} makes of {@code text}. */
  public static int pages(String text) {
    return Math.max(1, (wrap(printable(text)).size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
  }

  /**
   * Writes {@code text} as a text-layer PDF of wrapped A4 pages (the bundled corpus is made so).
   */
  public static void write(Path file, String text) throws IOException {
    List<String> lines = wrap(printable(text));
    try (PDDocument doc = new PDDocument()) {
      fixedId(doc, text);
      COSDictionary font = font(doc, codes(lines));
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

  /** How a table's cells are ruled: every cell boxed, lines between rows only, or none. */
  enum Ruling {
    GRID,
    ROWS,
    NONE
  }

  private static final float TABLE_FONT = 9f;
  private static final float TABLE_LEADING = 12f;
  private static final float LEFT = 66f;
  private static final float TOP = 776f;
  private static final float BOTTOM = 72f; // lowest baseline of text; the page number goes below
  private static final float TEXT_WIDTH = 462f;

  /**
   * A report laid out as government sites' PDFs lay them out: paragraphs wrapped at the page width
   * (10.5 pt), every run of two or more tab-separated rows set as a table (9 pt) — each cell in its
   * column, numbers set right, a text too long for its column wrapped onto more lines of its cell,
   * ruled as a grid, between rows only, or not at all ({@code rulings}, one a table in turn), rows
   * that do not fit continuing on the next page — and every page numbered {@code - n -} at its
   * foot. The same text and rulings always give the same bytes.
   */
  static void report(Path file, String text, List<Ruling> rulings) throws IOException {
    List<Page> pages = new ArrayList<>();
    Layout layout = new Layout(pages);
    int table = 0;
    for (TextBlock b : TextBlock.of(printable(text))) {
      if (b.rows() == null) layout.paragraph(b.line());
      else layout.table(b.rows(), rulings.get(table++ % rulings.size()));
    }
    layout.finish();
    try (PDDocument doc = new PDDocument()) {
      fixedId(doc, text + rulings);
      COSDictionary font = font(doc, pageCodes(pages));
      for (Page page : pages) addPage(doc, font, ops(page));
      try (OutputStream out = Files.newOutputStream(file)) {
        doc.save(out);
      }
    }
  }

  /** The drawing operators of a page: its rules stroked, then its pieces of text shown. */
  private static String ops(Page page) {
    StringBuilder ops = new StringBuilder();
    for (Rule r : page.rules())
      ops.append("0.5 w ")
          .append(r.x0())
          .append(' ')
          .append(r.y0())
          .append(" m ")
          .append(r.x1())
          .append(' ')
          .append(r.y1())
          .append(" l S\n");
    for (Placed p : page.text())
      ops.append("BT /F1 ")
          .append(p.size())
          .append(" Tf ")
          .append(p.x())
          .append(' ')
          .append(p.y())
          .append(" Td <")
          .append(ucs2(p.text()))
          .append("> Tj ET\n");
    return ops.toString();
  }

  /** Places paragraphs and tables down pages, starting a page when the current one is full. */
  private static final class Layout {
    private final List<Page> pages;
    private List<Placed> text = new ArrayList<>();
    private List<Rule> rules = new ArrayList<>();
    private float y = TOP;

    Layout(List<Page> pages) {
      this.pages = pages;
    }

    void paragraph(String line) {
      if (line.isBlank()) {
        y -= LEADING;
        return;
      }
      for (int i = 0; i < line.length(); i += CHARS_PER_LINE) {
        if (y < BOTTOM) newPage();
        text.add(
            new Placed(
                LEFT,
                y,
                FONT_SIZE,
                line.substring(i, Math.min(line.length(), i + CHARS_PER_LINE))));
        y -= LEADING;
      }
    }

    void table(List<String[]> cells, Ruling ruling) {
      int columns = 0;
      for (String[] row : cells) columns = Math.max(columns, row.length);
      int[] width = widths(cells, columns);
      float[] edge = new float[columns + 1];
      edge[0] = LEFT;
      for (int c = 0; c < columns; c++) edge[c + 1] = edge[c] + width[c] * TABLE_FONT;
      y -= TABLE_LEADING / 2;
      float top = y + TABLE_LEADING;
      if (ruling != Ruling.NONE) rules.add(new Rule(edge[0], top, edge[columns], top));
      for (String[] row : cells) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < row.length; c++) {
          List<String> parts = wrapCell(row[c].strip(), width[c] - 1);
          wrapped.add(parts);
          height = Math.max(height, parts.size());
        }
        if (y - (height - 1) * TABLE_LEADING < BOTTOM) {
          closeRows(ruling, edge, top);
          newPage();
          top = y + TABLE_LEADING;
          if (ruling != Ruling.NONE) rules.add(new Rule(edge[0], top, edge[columns], top));
        }
        for (int c = 0; c < wrapped.size(); c++) {
          List<String> parts = wrapped.get(c);
          for (int k = 0; k < parts.size(); k++) {
            String part = parts.get(k);
            boolean number = NUMBER.matcher(part).matches();
            float x =
                number
                    ? edge[c + 1] - (part.length() + 0.5f) * TABLE_FONT
                    : edge[c] + TABLE_FONT * 0.5f;
            text.add(new Placed(x, y - k * TABLE_LEADING, TABLE_FONT, part));
          }
        }
        y -= height * TABLE_LEADING;
        float bottom = y + TABLE_LEADING * 0.7f;
        if (ruling != Ruling.NONE) rules.add(new Rule(edge[0], bottom, edge[columns], bottom));
      }
      closeRows(ruling, edge, top);
      y -= TABLE_LEADING / 2;
    }

    /** The vertical rules of a grid from {@code top} down to the last row set on this page. */
    private void closeRows(Ruling ruling, float[] edge, float top) {
      if (ruling != Ruling.GRID) return;
      float bottom = y + TABLE_LEADING * 0.7f;
      for (float x : edge) rules.add(new Rule(x, top, x, bottom));
    }

    private void newPage() {
      text.add(
          new Placed(LEFT + TEXT_WIDTH / 2 - 15, 40, FONT_SIZE, "- " + (pages.size() + 1) + " -"));
      pages.add(new Page(text, rules));
      text = new ArrayList<>();
      rules = new ArrayList<>();
      y = TOP;
    }

    void finish() {
      if (!text.isEmpty() || pages.isEmpty()) newPage();
    }
  }

  private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,]*(?:\\.[0-9]+)?%?");

  /**
   * Each column's width in characters of the table's font: its longest cell and a space, narrowed
   * in proportion where the whole would be wider than the page (a number is never narrowed: a text
   * wraps instead).
   */
  private static int[] widths(List<String[]> cells, int columns) {
    int[] width = new int[columns];
    int[] numberWidth = new int[columns];
    for (String[] row : cells)
      for (int c = 0; c < row.length; c++) {
        String cell = row[c].strip();
        int w = cell.length() + 1; // every glyph of the font is one em wide, digits too
        width[c] = Math.max(width[c], Math.max(2, w));
        if (NUMBER.matcher(cell).matches()) numberWidth[c] = Math.max(numberWidth[c], w);
      }
    int total = 0;
    for (int w : width) total += w;
    int room = (int) (TEXT_WIDTH / TABLE_FONT);
    if (total <= room) return width;
    for (int c = 0; c < columns; c++)
      width[c] = Math.max(Math.max(3, numberWidth[c]), width[c] * room / total);
    return width;
  }

  /** A cell's text in lines of at most {@code chars} characters (a number stays whole). */
  private static List<String> wrapCell(String cell, int chars) {
    if (cell.isEmpty()) return List.of();
    if (cell.length() <= chars || NUMBER.matcher(cell).matches()) return List.of(cell);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < cell.length(); i += Math.max(1, chars))
      out.add(cell.substring(i, Math.min(cell.length(), i + Math.max(1, chars))));
    return out;
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
    for (int i = 0; i < line.length(); i++) s.append(HEX.toHexDigits(code(line.charAt(i))));
    return s.toString();
  }

  /** The code {@link #ucs2} writes for {@code c}. */
  private static char code(char c) {
    if (c == '\t' || Character.isSpaceChar(c)) return ' ';
    return Character.isSurrogate(c) ? '?' : c;
  }

  /**
   * A ToUnicode map of the codes a document shows, each to itself as a UTF-16 code unit: Adobe's
   * GB1 table lacks a few characters the reports use (U+00B7 {@code ·}, for one), and extraction
   * must give back exactly what was written. Only the codes used are listed, as a subset font's map
   * lists its glyphs: a map of all 63,000 codes was read into a table each time a reader loaded the
   * font, an eighth of the ingest of the synthetic corpus that no real report costs.
   */
  private static PDStream toUnicode(PDDocument doc, SortedSet<Character> codes) throws IOException {
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
    List<Character> all = new ArrayList<>(codes);
    for (int from = 0; from < all.size(); from += 100) {
      List<Character> block = all.subList(from, Math.min(all.size(), from + 100));
      cmap.append(block.size()).append(" beginbfchar\n");
      for (char c : block) {
        String hex = HEX.toHexDigits(c);
        cmap.append('<').append(hex).append("> <").append(hex).append(">\n");
      }
      cmap.append("endbfchar\n");
    }
    cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    PDStream stream = new PDStream(doc);
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
    }
    return stream;
  }

  /** The codes {@link #ucs2} writes for these texts. */
  private static SortedSet<Character> codes(Iterable<String> texts) {
    SortedSet<Character> codes = new TreeSet<>();
    for (String text : texts)
      for (int i = 0; i < text.length(); i++) codes.add(code(text.charAt(i)));
    return codes;
  }

  /** The codes shown on these pages. */
  private static SortedSet<Character> pageCodes(List<Page> pages) {
    List<String> texts = new ArrayList<>();
    for (Page page : pages) for (Placed p : page.text()) texts.add(p.text());
    return codes(texts);
  }

  private static COSDictionary font(PDDocument doc, SortedSet<Character> codes) throws IOException {
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
    type0.setItem(COSName.TO_UNICODE, toUnicode(doc, codes));
    return type0;
  }

  private static COSArray ints(int... values) {
    COSArray a = new COSArray();
    for (int v : values) a.add(COSInteger.get(v));
    return a;
  }
}
