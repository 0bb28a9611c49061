package org.gongkai.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gongkai.model.DocumentEntry;
import org.gongkai.model.DocumentList;
import org.gongkai.model.FileRef;

/**
 * A list of reports as CSV (RFC 4180, with a byte-order mark): one row per report with its absolute
 * link, metadata, counts and files; a last row says so when the cap cut the list short.
 */
public final class DocumentCsv {

  private DocumentCsv() {}

  public static String of(DocumentList list, UnaryOperator<String> absolute, Hrefs hrefs, int cap) {
    return of(list, absolute, hrefs, cap, key -> key);
  }

  /**
   * The same; {@code collections} names a private collection by its storage key (its name in the
   * last column, {@code collection}; empty for a public report).
   */
  public static String of(
      DocumentList list,
      UnaryOperator<String> absolute,
      Hrefs hrefs,
      int cap,
      UnaryOperator<String> collections) {
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(
          "docId",
          "url",
          "title",
          "issuer",
          "region",
          "regionCode",
          "year",
          "kind",
          "department",
          "sections",
          "figures",
          "flags",
          "matching",
          "files",
          "indexedAt",
          "checks",
          "role",
          "collection");
      for (DocumentEntry d : list.documents()) {
        csv.printRecord(
            d.docId(),
            absolute.apply(hrefs.document(d.docId())),
            CsvCells.text(d.title()),
            CsvCells.text(d.issuer()),
            d.region() == null ? null : String.join("/", d.region().path()),
            d.region() == null ? null : d.region().code(),
            d.year(),
            d.kind(),
            d.department(),
            d.sections(),
            d.figures(),
            d.flags(),
            d.matching(),
            CsvCells.text(String.join(" | ", d.files().stream().map(FileRef::name).toList())),
            d.indexedAt().toString(),
            String.join(" | ", d.checks()),
            d.role().code(),
            d.collection() == null ? null : CsvCells.text(collections.apply(d.collection())));
      }
      if (list.total() > list.documents().size())
        csv.printRecord(
            "#", "export stopped at the cap of " + cap + " reports; the list has " + list.total());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
