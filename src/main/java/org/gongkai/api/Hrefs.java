package org.gongkai.api;

import org.gongkai.model.IndicatorValue;

/** The links the API's JSON carries; the web's {@code Links} builds every href, these included. */
public interface Hrefs {

  /** A section's permalink. */
  String section(String sectionId);

  /** A document's page. */
  String document(String docId);

  /** File {@code n} (from 1) of the {@code of} files a document was read from. */
  String file(String docId, int n, int of);

  /** A table as CSV. */
  String tableCsv(String tableId);

  /** The section with this very statement of a figure marked, or the document when it has none. */
  String figure(IndicatorValue v);

  /** A section with the clean text's {@code [start, end)} marked (a flag's quote). */
  String passage(String sectionId, int start, int end);

  /** The original file opened at {@code page}. */
  String originalPage(String docId, int page);

  /** A project's page: every report that states it ({@code /p/{key}}). */
  String project(String key);
}
