package org.gongkai.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gongkai.model.TextTable;
import org.gongkai.text.Tables;

/**
 * A table as CSV (RFC 4180, with a byte-order mark so spreadsheets read the Chinese as UTF-8):
 * every row as wide as the widest; figures as written, other cells made safe by {@link CsvCells}.
 */
public final class TableCsv {

  private TableCsv() {}

  public static String of(TextTable t) {
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      int width = t.width();
      for (List<String> r : t.rows()) {
        List<String> cells = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
          String cell = c < r.size() ? r.get(c) : "";
          cells.add(Tables.isNumber(cell) ? cell : CsvCells.text(cell));
        }
        csv.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
