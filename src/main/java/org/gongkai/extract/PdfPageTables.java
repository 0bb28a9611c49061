package org.gongkai.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One page's lines, as {@link PdfTableText} reads them from a PDF, written with its tables as rows
 * of cells separated by tabs (empty cells kept).
 *
 * <p>Words closer than one and a half characters (of the font's size) are one cell, except an
 * amount followed by a label ({@code 18,330.37 一、一般公共服务支出}: a right-aligned number touching the
 * next column) and words on either side of a vertical ruling. A run of two or more lines of two or
 * more cells (at most three lines apart) is a table.
 *
 * <ul>
 *   <li>Columns: where vertical rulings cross the table's body, the spaces between them; otherwise
 *       the x-ranges its fuller rows cover, merged where they overlap (numbers are right-aligned,
 *       labels left-aligned, so a column's cells overlap from row to row).
 *   <li>Rows: where horizontal rulings separate the table's rows, the text of each ruled cell is
 *       one cell, whatever lines it wraps onto (a header {@code 本年收入合} / {@code 计} is {@code
 *       本年收入合计}); a cell spanning several ruled rows belongs to the first. Without such rulings
 *       each line is a row, and a line without a figure that stands closer to a row than rows stand
 *       to each other is a wrapped piece of that row's cells ({@code 行政事业单位养老支} / {@code 20805 …
 *       13,465.06} / {@code 出}).
 *   <li>A table reaching the foot of a page continues on the next: the lines at the top of the next
 *       page whose cells each fit one of its columns are its rows ({@code \t\t十六、金融支出}).
 * </ul>
 *
 * Lines outside tables are written as PDFBox reads them.
 */
final class PdfPageTables {

  /** A run of text on one line: its left and right edge and its size. */
  record Word(String text, float x0, float x1, float size, float y, boolean spaced) {
    Word(String text, float x0, float x1, float size, float y) {
      this(text, x0, x1, size, y, false);
    }
  }

  /** An amount as tables write it: with a decimal point or thousands separators. */
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?:^|\\s)-?[0-9]{1,3}(?:,[0-9]{3})*\\.[0-9]+$|(?:^|\\s)-?[0-9]{1,3}(?:,[0-9]{3})+$");

  /** A page number as footers print it: {@code 7}, {@code - 7 -}, {@code 第7页}. */
  private static final Pattern PAGE_NUMBER =
      Pattern.compile("^[-－—–]?\\s*(?:第\\s*)?[0-9]{1,4}\\s*(?:页)?\\s*[-－—–]?$");

  private static final Pattern FIGURE = Pattern.compile("-?[0-9][0-9,]*(?:\\.[0-9]+)?%?");
  private static final Pattern UNIT_START = Pattern.compile("^[万元亿%％（(个人辆台次]");

  private final List<List<Word>> lines = new ArrayList<>();
  private final PdfRulings rulings;
  private final List<float[]> carried;

  private final List<List<Word>> raw;

  PdfPageTables(List<List<Word>> raw, PdfRulings rulings, List<float[]> carried) {
    this.rulings = rulings;
    this.carried = carried;
    this.raw = raw;
    for (List<Word> l : raw) lines.add(cells(l, rulings));
  }

  /**
   * A line's words made cells within the given columns: words in different columns are never one
   * cell (a label and the amount in the next column, close on a page without rulings).
   */
  private List<Word> cellsWithin(List<Word> words, List<float[]> columns) {
    List<Word> out = new ArrayList<>();
    List<Word> run = new ArrayList<>();
    int at = -1;
    for (Word w : words) {
      int c = column(w, columns);
      if (c != at && !run.isEmpty()) {
        out.addAll(cells(run, rulings));
        run = new ArrayList<>();
      }
      run.add(w);
      at = c;
    }
    if (!run.isEmpty()) out.addAll(cells(run, rulings));
    return out;
  }

  /**
   * Writes the page; returns the columns of its last table when that table reaches the foot of the
   * page (only a short line, a page number, below it), else null.
   */
  List<float[]> write(StringBuilder out) {
    int n = lines.size();
    int i = 0;
    if (carried != null) { // the rows of the last page's table that continue here
      for (int k = 0; k < n; k++) lines.set(k, cellsWithin(raw.get(k), carried));
      int reach = -1; // the lines whose cells fit the table's columns, in the table's type size
      float size = 0;
      for (int k = 0; k < n; k++) {
        List<Word> l = lines.get(k);
        if (l.isEmpty()) continue;
        if (isPageNumber(l) || startsTable(l) || !fits(l, carried)) break;
        float largest = 0;
        for (Word w : l) largest = Math.max(largest, w.size());
        if (size == 0) size = largest;
        else if (largest > size * 1.4f) break; // the next table's title
        reach = k;
      }
      List<PdfRulings.Ruling> across =
          reach < 0 ? List.of() : across(words(lines.subList(0, reach + 1)));
      int end = -1;
      for (int k = 0; k <= reach; k++) {
        List<Word> l = lines.get(k);
        if (l.isEmpty()) continue;
        // a lone cell in the first column may as well be a note or prose below the table,
        // unless the page's rulings enclose it (the rest of a cell begun on the last page)
        boolean lone = l.size() == 1 && column(l.get(0), carried) == 0;
        if (lone && !enclosed(l, across)) break;
        end = k;
      }
      if (end >= 0) {
        writeRows(lines.subList(0, end + 1), carried, across, out);
        i = end + 1;
      }
    }
    // a table that fills this page too goes on to the next
    List<float[]> open = carried != null && i > 0 && atFoot(i - 1) ? carried : null;
    int written = i; // lines before this are written; plain lines wait for what follows them
    while (i < n) {
      if (lines.get(i).size() < 2 || !tableFollows(lines, i)) {
        i++;
        continue;
      }
      // the table: through its last line of two cells or more, over at most 3 lines of one
      int end = i, singles = 0;
      for (int k = i + 1; k < n; k++) {
        int size = lines.get(k).size();
        if (size == 0) continue;
        if (size >= 2) {
          end = k;
          singles = 0;
        } else if (++singles > 3) break;
      }
      if (!anyFigure(lines.subList(i, end + 1))) { // spaced-out headings, not a table
        i = end + 1;
        continue;
      }
      // the table's columns come from its full rows; the lines of several cells right above the
      // first full row are its header rows, the lines above those (a caption, a heading set with
      // wide gaps) are text, unless the table's rulings enclose them
      int first = firstFullRow(lines.subList(i, end + 1)) + i;
      int header = first;
      while (header > i && (lines.get(header - 1).size() >= 2 || lines.get(header - 1).isEmpty()))
        header--;
      while (header < first && lines.get(header).isEmpty()) header++;
      List<Word> body = words(lines.subList(first, end + 1));
      List<PdfRulings.Ruling> across = across(body, words(lines.subList(i, end + 1)));
      for (int k = header - 1; k >= written; k--) { // the header lines the table's grid holds
        List<Word> l = lines.get(k);
        if (l.isEmpty()) continue;
        if (!enclosed(l, across) || isProse(l) || startsTable(l)) break;
        header = k;
      }
      for (List<Word> l : lines.subList(written, header)) plain(l, out);
      List<float[]> columns = ruledColumns(body, words(lines.subList(header, end + 1)));
      if (columns == null) columns = columns(lines.subList(first, end + 1));
      i = header;
      // a row with only an inner cell filled continues the table, and so do full rows after a
      // run of such rows (十九、住房保障支出 445.69 after nine rows of labels alone)
      while (end + 1 < n) {
        List<Word> l = lines.get(end + 1);
        if (l.isEmpty()
            || l.size() == 1 && !isPageNumber(l) && fitsInnerColumn(l.get(0), columns)
            || l.size() >= 2 && continuesRows(l, columns)) end++;
        else break;
      }
      while (end > i && lines.get(end).isEmpty()) end--;
      writeRows(lines.subList(i, end + 1), columns, across, out);
      open = atFoot(end) ? columns : null;
      i = end + 1;
      written = i;
    }
    for (List<Word> l : lines.subList(written, n)) plain(l, out);
    return open;
  }

  /** Whether line {@code end} is at the page's foot: at most a short line (its number) below. */
  private boolean atFoot(int end) {
    int below = 0;
    for (List<Word> l : lines.subList(end + 1, lines.size()))
      if (!l.isEmpty()) below += l.size() == 1 && l.get(0).text().length() <= 12 ? 1 : 3;
    return below <= 1;
  }

  /**
   * The horizontal rulings across most of a table (a half of its width): those that separate its
   * rows. Empty unless they separate most pairs of its consecutive rows holding a figure (a table
   * ruled only above and below the header and at the foot is read line by line).
   */
  private List<PdfRulings.Ruling> across(List<Word> body) {
    return across(body, body);
  }

  /**
   * As {@link #across(List)}, a table of one row of figures counting the rulings among all its
   * lines ({@code region}: its header's too).
   */
  private List<PdfRulings.Ruling> across(List<Word> body, List<Word> region) {
    if (rulings.horizontal.isEmpty() || body.isEmpty()) return List.of();
    float x0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE;
    for (Word w : body) {
      x0 = Math.min(x0, w.x0());
      x1 = Math.max(x1, w.x1());
    }
    List<PdfRulings.Ruling> wide = new ArrayList<>();
    for (PdfRulings.Ruling h : rulings.horizontal)
      if (Math.min(h.to(), x1) - Math.max(h.from(), x0) >= (x1 - x0) / 2) wide.add(h);
    List<Float> anchors = new ArrayList<>();
    for (Word w : body)
      if (FIGURE.matcher(ascii(w.text())).matches()
          && (anchors.isEmpty() || w.y() - anchors.get(anchors.size() - 1) > w.size() / 2))
        anchors.add(w.y());
    if (anchors.isEmpty()) return List.of();
    float top = Float.MAX_VALUE, bottom = -Float.MAX_VALUE, em = 0;
    for (Word w : region) {
      top = Math.min(top, w.y() - w.size());
      bottom = Math.max(bottom, w.y());
      em = Math.max(em, w.size());
    }
    int inside = 0; // wide rulings among the table's lines (and its borders, two lines out)
    for (PdfRulings.Ruling h : wide)
      if (h.at() > top - 2 * em && h.at() < bottom + 2 * em) inside++;
    // one row of figures (a 三公 table, a table's last rows on a new page): ruled when a grid of
    // three or more rulings runs through its lines
    if (anchors.size() == 1 && inside < 3) return List.of();
    int separated = anchors.size() == 1 ? 1 : 0;
    for (int k = 1; k < anchors.size(); k++) {
      float a = anchors.get(k - 1), b = anchors.get(k);
      for (PdfRulings.Ruling h : wide)
        if (h.at() > a && h.at() < b) {
          separated++;
          break;
        }
    }
    if (separated < 0.8 * Math.max(1, anchors.size() - 1)) return List.of();
    // every ruling at least a column wide counts for the rows (a header's partial rulings too)
    List<PdfRulings.Ruling> out = new ArrayList<>();
    for (PdfRulings.Ruling h : rulings.horizontal)
      if (h.length() >= Math.max(20, (x1 - x0) * 0.1f) && h.to() > x0 && h.from() < x1) out.add(h);
    return out;
  }

  /** Whether each word of the line is inside a ruled cell (a ruling above and below it). */
  private static boolean enclosed(List<Word> line, List<PdfRulings.Ruling> across) {
    if (line.isEmpty() || across.isEmpty()) return false;
    for (Word w : line) if (cellTop(w, across) == null) return false;
    return true;
  }

  /**
   * The ruling at the top of the ruled cell holding the word (the nearest ruling above it that
   * spans its middle, with one below it too), or null when it is in no ruled cell.
   */
  private static PdfRulings.Ruling cellTop(Word w, List<PdfRulings.Ruling> across) {
    float mid = w.y() - w.size() / 3, x = (w.x0() + w.x1()) / 2;
    PdfRulings.Ruling above = null;
    boolean below = false;
    for (PdfRulings.Ruling h : across) {
      if (h.from() > x + 1 || h.to() < x - 1) continue;
      if (h.at() < mid && (above == null || h.at() > above.at())) above = h;
      if (h.at() > mid) below = true;
    }
    return below ? above : null;
  }

  /**
   * The columns between the vertical rulings that cross most of the table's body (two thirds of its
   * height), keeping those that hold text in the table (its header rows too: a column whose figures
   * are all empty is still a column); null without two such rulings.
   */
  private List<float[]> ruledColumns(List<Word> body, List<Word> region) {
    if (rulings.vertical.isEmpty() || body.isEmpty()) return null;
    float top = Float.MAX_VALUE, bottom = -Float.MAX_VALUE;
    for (Word w : body) {
      top = Math.min(top, w.y() - w.size());
      bottom = Math.max(bottom, w.y());
    }
    List<Float> xs = new ArrayList<>();
    for (PdfRulings.Ruling v : rulings.vertical)
      if (Math.min(v.to(), bottom) - Math.max(v.from(), top) >= (bottom - top) * 2 / 3)
        xs.add(v.at());
    if (xs.size() < 2) return null;
    xs.sort(Float::compare);
    List<float[]> spans = new ArrayList<>();
    spans.add(new float[] {-Float.MAX_VALUE / 4, xs.get(0)});
    for (int k = 1; k < xs.size(); k++)
      if (xs.get(k) - xs.get(k - 1) > 2) spans.add(new float[] {xs.get(k - 1), xs.get(k)});
    spans.add(new float[] {xs.get(xs.size() - 1), Float.MAX_VALUE / 4});
    List<float[]> columns = new ArrayList<>();
    for (float[] c : spans) { // a column holding text anywhere in the table, its header too
      boolean used = false;
      for (Word w : region) {
        float mid = (w.x0() + w.x1()) / 2;
        if (mid > c[0] && mid < c[1]) {
          used = true;
          break;
        }
      }
      if (used) columns.add(c);
    }
    // the outer spans reach the page's edges: clip them to the text they hold
    for (float[] c : columns) {
      float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
      for (Word w : region) {
        float mid = (w.x0() + w.x1()) / 2;
        if (mid > c[0] && mid < c[1]) {
          lo = Math.min(lo, w.x0());
          hi = Math.max(hi, w.x1());
        }
      }
      c[0] = Math.max(c[0], lo - 2);
      c[1] = Math.min(c[1], hi + 2);
    }
    return columns.size() >= 2 ? columns : null;
  }

  /**
   * Writes the table's lines as rows: by ruled cells when {@code across} separates its rows, else
   * line by line with wrapped pieces joined to their rows.
   */
  private void writeRows(
      List<List<Word>> lines,
      List<float[]> columns,
      List<PdfRulings.Ruling> across,
      StringBuilder out) {
    if (across != null && !across.isEmpty()) {
      // each word to the row of its cell's top ruling; words in no ruled cell, a row per line
      java.util.TreeMap<Float, List<Word>> rows = new java.util.TreeMap<>();
      for (List<Word> l : lines) {
        for (Word w : l) {
          PdfRulings.Ruling top = cellTop(w, across);
          float key = top != null ? top.at() : l.get(0).y() - l.get(0).size() / 3;
          rows.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
        }
      }
      for (List<Word> r : rows.values()) row(joined(List.of(r), columns, rulings), out);
      return;
    }
    List<List<Word>> nonEmpty = new ArrayList<>();
    for (List<Word> l : lines) if (!l.isEmpty()) nonEmpty.add(l);
    List<List<List<Word>>> rows = wrapped(nonEmpty, columns);
    for (List<List<Word>> r : rows) row(joined(r, columns, PdfRulings.NONE), out);
  }

  /**
   * The lines grouped into rows: a line without a figure whose cells are in columns where a
   * neighbouring row of figures holds no figure, nearer to that row than rows stand to each other
   * (less than 0.7 of the usual distance, the upper quartile of the gaps between lines), is a
   * wrapped piece of it.
   */
  private static List<List<List<Word>>> wrapped(List<List<Word>> lines, List<float[]> columns) {
    int n = lines.size();
    boolean[] anchor = new boolean[n];
    for (int k = 0; k < n; k++) anchor[k] = hasFigure(lines.get(k));
    // the usual distance of rows: most of the table's line gaps are between rows, the smaller
    // ones within wrapped cells
    List<Float> gaps = new ArrayList<>();
    for (int k = 1; k < n; k++) gaps.add(lines.get(k).get(0).y() - lines.get(k - 1).get(0).y());
    List<List<List<Word>>> rows = new ArrayList<>();
    for (List<Word> l : lines) {
      List<List<Word>> r = new ArrayList<>();
      r.add(l);
      rows.add(r);
    }
    if (gaps.size() < 2) return rows;
    gaps.sort(Float::compare);
    float pitch = gaps.get(gaps.size() * 3 / 4);
    int[] to = new int[n];
    Arrays.fill(to, -1);
    // an amount's last digits wrapped onto the line below its cell (24995.9 / 4): that line
    // belongs to the row, its digits to the amount
    for (int k = 1; k < n; k++) {
      float dy = lines.get(k).get(0).y() - lines.get(k - 1).get(0).y();
      if (anchor[k - 1]
          && dy < 0.7f * pitch
          && endsAmounts(lines.get(k), lines.get(k - 1), columns)) {
        anchor[k] = false;
        to[k] = to[k - 1] >= 0 ? to[k - 1] : k - 1;
      }
    }
    for (int k = 0; k < n; k++) {
      if (anchor[k] || to[k] >= 0) continue;
      float y = lines.get(k).get(0).y();
      int best = -1;
      float bestDy = 0.7f * pitch;
      for (int d : new int[] {1, -1}) { // the next row first: a centred wrap starts above it
        int a = k + d;
        while (a >= 0 && a < n && !anchor[a] && Math.abs(lines.get(a).get(0).y() - y) < pitch)
          a += d;
        if (a < 0 || a >= n || !anchor[a]) continue;
        float dy = Math.abs(lines.get(a).get(0).y() - y);
        if (dy < bestDy && fillsGaps(lines.get(k), lines.get(a), columns)) {
          best = a;
          bestDy = dy;
        }
      }
      to[k] = best;
    }
    List<List<List<Word>>> out = new ArrayList<>();
    java.util.Map<Integer, List<List<Word>>> byAnchor = new java.util.HashMap<>();
    for (int k = 0; k < n; k++) {
      if (to[k] >= 0) continue;
      List<List<Word>> r = new ArrayList<>();
      byAnchor.put(k, r);
      out.add(r);
    }
    for (int k = 0; k < n; k++) byAnchor.get(to[k] >= 0 ? to[k] : k).add(lines.get(k));
    return out;
  }

  /** Whether a vertical ruling stands between x {@code a} and x {@code b} at height {@code y}. */
  static boolean ruledBetween(PdfRulings rulings, float a, float b, float y) {
    for (PdfRulings.Ruling v : rulings.vertical)
      if (v.at() > a && v.at() < b && y >= v.from() - 2 && y <= v.to() + 2) return true;
    return false;
  }

  /** Words closer than a gap between cells are one cell (never across a ruling). */
  private static List<Word> cells(List<Word> words, PdfRulings rulings) {
    List<Word> out = new ArrayList<>();
    for (Word w : words) {
      if (!out.isEmpty()) {
        Word p = out.get(out.size() - 1);
        float em = Math.max(4, Math.min(p.size(), w.size()));
        float gap = w.x0() - p.x1();
        boolean amountThenLabel =
            AMOUNT.matcher(ascii(p.text())).find()
                && !UNIT_START.matcher(w.text()).find()
                && Character.UnicodeScript.of(w.text().codePointAt(0))
                    == Character.UnicodeScript.HAN;
        // 合  计, 收 入 总 计: a label set with a space after each character
        boolean letterSpaced =
            (p.text().length() == 1 || p.spaced())
                && isHan(p.text().charAt(p.text().length() - 1))
                && w.text().length() == 1
                && isHan(w.text().charAt(0))
                && gap < 6 * em;
        if (letterSpaced && !ruledBetween(rulings, p.x1() - 1, w.x0() + 1, w.y() - w.size() / 3)) {
          out.set(
              out.size() - 1, new Word(p.text() + w.text(), p.x0(), w.x1(), p.size(), p.y(), true));
          continue;
        }
        boolean ruled = ruledBetween(rulings, p.x1() - 1, w.x0() + 1, w.y() - w.size() / 3);
        if (ruled) {
          out.add(w);
          continue;
        }
        if (gap < 1.5f * em && !amountThenLabel) {
          out.set(
              out.size() - 1, new Word(p.text() + " " + w.text(), p.x0(), w.x1(), p.size(), p.y()));
          continue;
        }
      }
      out.add(w);
    }
    return out;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static final Pattern PROSE = Pattern.compile("[。；！？]");

  /** The caption of a table: its title ({@code …决算表}, {@code 公开03表}) or its unit. */
  private static final Pattern CAPTION =
      Pattern.compile("^[^。；，,]{2,40}表(?:[（(][^）)]{1,12}[）)])?$|单位\\s*[:：]");

  /** Whether the line begins another table: its first cells are a title or a unit. */
  private static boolean startsTable(List<Word> line) {
    for (int k = 0; k < Math.min(2, line.size()); k++)
      if (CAPTION.matcher(line.get(k).text()).find()) return true;
    return false;
  }

  /**
   * A line no table header has: a sentence, or a word longer than any header cell's. (Type size
   * tells nothing here: headers are often set larger than the figures below them.)
   */
  private static boolean isProse(List<Word> line) {
    for (Word w : line) if (PROSE.matcher(w.text()).find() || w.text().length() > 24) return true;
    return false;
  }

  /** A line of one number alone: a page's number, never a table's row. */
  private static boolean isPageNumber(List<Word> line) {
    return line.size() == 1 && PAGE_NUMBER.matcher(ascii(line.get(0).text())).matches();
  }

  private static boolean hasFigure(List<Word> line) {
    for (Word w : line) if (FIGURE.matcher(ascii(w.text())).matches()) return true;
    return false;
  }

  /**
   * Whether a wrapped piece's cells fall in columns where the row leaves text to be continued: an
   * empty cell, or a cell of text (not a figure).
   */
  private static boolean fillsGaps(List<Word> piece, List<Word> row, List<float[]> columns) {
    for (Word w : piece) {
      int c = column(w, columns);
      for (Word r : row)
        if (column(r, columns) == c && FIGURE.matcher(ascii(r.text())).matches()) return false;
    }
    return true;
  }

  /** The last digits of an amount a cell wrapped: {@code 4}, {@code 94}, {@code .5}. */
  private static final Pattern DIGITS_WRAPPED = Pattern.compile("\\.?[0-9]{1,2}");

  /**
   * An amount cut short by its cell's edge: its decimals fewer than two ({@code 24995.9}, {@code
   * 437,000.}).
   */
  private static final Pattern AMOUNT_CUT = Pattern.compile("-?[0-9][0-9,]*(?:\\.[0-9]?)?");

  /** An amount written to the cent, as the rest of its row writes them: {@code 12,345.67}. */
  private static final Pattern CENTS = Pattern.compile("-?[0-9][0-9,]*\\.[0-9]{2}");

  /**
   * Whether a line holds nothing but the last digits of amounts the row above cut short: each of
   * its words one or two digits, under a cell of the row whose amount stops before its cents, where
   * the row writes its other amounts to the cent — decided by the digits' grouping, never by a
   * guess.
   */
  private static boolean endsAmounts(List<Word> piece, List<Word> row, List<float[]> columns) {
    boolean cents = false;
    for (Word r : row) if (CENTS.matcher(ascii(r.text())).matches()) cents = true;
    if (!cents || piece.isEmpty()) return false;
    for (Word w : piece) {
      if (!DIGITS_WRAPPED.matcher(ascii(w.text())).matches()) return false;
      int c = column(w, columns);
      Word above = null;
      for (Word r : row) if (column(r, columns) == c) above = r;
      if (above == null || !AMOUNT_CUT.matcher(ascii(above.text())).matches()) return false;
      String whole = above.text() + w.text();
      if (!CENTS.matcher(ascii(whole)).matches()) return false;
    }
    return true;
  }

  /** The words of the lines, in reading order. */
  private static List<Word> words(List<List<Word>> lines) {
    List<Word> out = new ArrayList<>();
    for (List<Word> l : lines) out.addAll(l);
    return out;
  }

  /** Whether each cell of the line lies within one of the columns (give or take a character). */
  private static boolean fits(List<Word> line, List<float[]> columns) {
    for (Word w : line) {
      boolean in = false;
      for (float[] c : columns)
        if (w.x0() >= c[0] - w.size() && w.x1() <= c[1] + w.size()) {
          in = true;
          break;
        }
      if (!in) return false;
    }
    return true;
  }

  /**
   * Whether the line of several cells at {@code i} starts a table: another such line follows within
   * three lines (a line of prose with a wide gap is not a table).
   */
  private static boolean tableFollows(List<List<Word>> lines, int i) {
    int seen = 0;
    for (int k = i + 1; k < lines.size() && seen < 3; k++) {
      if (lines.get(k).isEmpty()) continue;
      if (lines.get(k).size() >= 2) return true;
      seen++;
    }
    return false;
  }

  /** Rows with at least this many cells of a table's widest count its columns. */
  private static int fullRow(List<List<Word>> rows) {
    int max = 0;
    for (List<Word> r : rows) max = Math.max(max, r.size());
    return (int) Math.max(2, Math.ceil(max * 0.6));
  }

  private static int firstFullRow(List<List<Word>> rows) {
    int full = fullRow(rows);
    for (int k = 0; k < rows.size(); k++) if (rows.get(k).size() >= full) return k;
    return 0;
  }

  /** Whether a cell of the lines is a figure: the tables of these reports always hold some. */
  private static boolean anyFigure(List<List<Word>> lines) {
    for (List<Word> l : lines)
      for (Word w : l) if (l.size() >= 2 && FIGURE.matcher(ascii(w.text())).matches()) return true;
    return false;
  }

  private static void plain(List<Word> line, StringBuilder out) {
    for (int k = 0; k < line.size(); k++) {
      if (k > 0) out.append(' ');
      out.append(line.get(k).text());
    }
    out.append('\n'); // an empty line is a paragraph gap
  }

  /**
   * Whether a lone cell belongs to an inner column: it starts at the column's left edge (a label)
   * or lies within it.
   */
  /**
   * A line of cells that each stand in one of the table's columns, none of them a caption or prose.
   */
  private static boolean continuesRows(List<Word> line, List<float[]> columns) {
    return fits(line, columns) && !startsTable(line) && !isProse(line) && anyFigure(List.of(line));
  }

  private static boolean fitsInnerColumn(Word w, List<float[]> columns) {
    for (int c = 1; c < columns.size(); c++) {
      float[] col = columns.get(c);
      if (Math.abs(w.x0() - col[0]) < 3 || w.x0() >= col[0] - 3 && w.x1() <= col[1] + 3)
        return true;
    }
    return false;
  }

  /** The x-ranges covered by the table's fuller rows, merged where they overlap. */
  private static List<float[]> columns(List<List<Word>> rows) {
    int full = fullRow(rows);
    List<float[]> spans = new ArrayList<>();
    for (List<Word> r : rows)
      if (r.size() >= full) for (Word w : r) spans.add(new float[] {w.x0(), w.x1()});
    spans.sort(Comparator.comparingDouble(s -> s[0]));
    List<float[]> columns = new ArrayList<>();
    for (float[] s : spans) {
      float[] last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
      if (last != null && s[0] <= last[1] + 2) last[1] = Math.max(last[1], s[1]);
      else columns.add(new float[] {s[0], s[1]});
    }
    return columns;
  }

  private static int column(Word w, List<float[]> columns) {
    int best = 0;
    float bestScore = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < columns.size(); c++) {
      float[] col = columns.get(c);
      float overlap = Math.min(w.x1(), col[1]) - Math.max(w.x0(), col[0]);
      float distance = Math.abs((w.x0() + w.x1()) / 2 - (col[0] + col[1]) / 2);
      float score = overlap > 0 ? overlap : -distance - 1e6f;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  /**
   * One row's cells from the lines it spans (top to bottom): each word to the column it overlaps
   * most, the words of a cell joined in reading order (Chinese without a space, so a label wrapped
   * mid-word reads whole).
   */
  private static String[] joined(
      List<List<Word>> lines, List<float[]> columns, PdfRulings rulings) {
    List<Word> words = new ArrayList<>();
    for (List<Word> l : lines) words.addAll(l);
    words.sort(
        Comparator.comparingDouble((Word w) -> Math.round(w.y() / Math.max(1, w.size() / 2)))
            .thenComparingDouble(Word::x0));
    String[] cells = new String[columns.size()];
    Arrays.fill(cells, "");
    for (Word w : words) {
      int c = cellColumn(w, columns, rulings);
      cells[c] = join(cells[c], w.text());
    }
    return cells;
  }

  /**
   * The column a word's text goes to: the one it overlaps most; but a header cell ruled across
   * several columns ({@code 公务用车购置及运行维护费} over 小计, 购置费 and 运行费) goes to the first of them, as a
   * merged cell's text stands in its first cell (HTML's {@code colspan}, Word's and Excel's merged
   * cells), so each column's header reads down from the cell spanning it.
   */
  private static int cellColumn(Word w, List<float[]> columns, PdfRulings rulings) {
    int own = column(w, columns);
    float mid = w.y() - w.size() / 3;
    float left = -Float.MAX_VALUE;
    for (PdfRulings.Ruling v : rulings.vertical)
      if (v.at() <= w.x0() + 1 && v.at() > left && mid >= v.from() - 2 && mid <= v.to() + 2)
        left = v.at();
    if (left == -Float.MAX_VALUE) return own;
    for (int c = 0; c < own; c++) if ((columns.get(c)[0] + columns.get(c)[1]) / 2 > left) return c;
    return own;
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) return b;
    // an amount and the last digits it wrapped onto the next line: one amount
    if (AMOUNT_CUT.matcher(ascii(a)).matches()
        && DIGITS_WRAPPED.matcher(ascii(b)).matches()
        && CENTS.matcher(ascii(a + b)).matches()) return a + b;
    char last = a.charAt(a.length() - 1), next = b.charAt(0);
    boolean tight = (isHan(last) || isCjkPunct(last)) && (isHan(next) || isCjkPunct(next));
    return tight ? a + b : a + " " + b;
  }

  /**
   * {@code w} with full-width digits, commas, points and signs read as their ASCII forms (Unicode's
   * compatibility folding), for telling amounts: some reports set their tables in full-width
   * figures ({@code ３４，６６０，７０６}), which are amounts all the same. The text written keeps the
   * report's own characters.
   */
  private static String ascii(String w) {
    // most words hold no full-width form: they are not normalised at all (this runs per word,
    // often)
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E')
        return java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFKC);
    }
    return w;
  }

  private static boolean isCjkPunct(char c) {
    return "（）()、，。：；“”《》【】".indexOf(c) >= 0;
  }

  private static void row(String[] cells, StringBuilder out) {
    String line = TableRows.line(Arrays.asList(cells));
    if (line != null) out.append(line).append('\n');
  }
}
