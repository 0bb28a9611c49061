package org.gongkai.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gongkai.api.InspectJson;
import org.gongkai.api.Wording;
import org.gongkai.extract.ExtractionException;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IngestedDocument;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Section;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inspect FILE [--json]}: prints what ingest makes of one file. */
@Command(
    name = "inspect",
    description = "Print what ingest makes of one file: metadata, sections, clean text.")
final class InspectCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  @Parameters(
      paramLabel = "FILE",
      description = "A PDF, DOCX, DOC, XLS(X), WPS, ET, OFD, HTML or TXT file, or ARCHIVE!/PATH.")
  Path file;

  @Option(
      names = "--json",
      description = "Print JSON (file, sha256, docId, title, issuer, …, sections, text).")
  boolean asJson;

  private final Console console;
  private final java.util.function.Supplier<org.gongkai.ingest.DocumentIngestor> ingestor;
  private final org.gongkai.api.InspectJson inspectJson;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  InspectCommand(
      Console console,
      java.util.function.Supplier<org.gongkai.ingest.DocumentIngestor> ingestor,
      org.gongkai.api.InspectJson inspectJson,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    this.console = console;
    this.ingestor = ingestor;
    this.inspectJson = inspectJson;
    this.json = json;
  }

  @Override
  public Integer call() throws Exception {
    IngestedDocument ingested;
    try {
      ingested = ingestor.get().ingest(file);
    } catch (ExtractionException e) {
      console
          .err()
          .println("gongkai: " + Printable.line(file) + ": " + Printable.line(e.getMessage()));
      return ExitCode.FAILED;
    }
    DisclosureDocument d = ingested.document();
    if (asJson) {
      console.out().println(json.writeValueAsString(inspectJson.toJson(ingested)));
      return ExitCode.OK;
    }
    var out = console.out();
    out.println("file:        " + Printable.line(d.file()));
    out.println("sha256:      " + d.sha256());
    out.println("docId:       " + d.docId());
    out.println("title:       " + d.title());
    out.println("issuer:      " + d.issuer() + " (" + d.departmentType() + ")");
    out.println(
        "kind/year:   "
            + ReportKind.label(d.kind())
            + " "
            + (d.year() == null ? "(year unknown)" : d.year()));
    out.println("region:      " + InspectJson.describe(d.region()));
    out.println(
        "text:        "
            + d.text().length()
            + " characters, "
            + d.text().lines().count()
            + " lines");
    if (d.ocr().any())
      out.println(
          "ocr:         pages " + d.ocr().pages() + " of " + d.ocr().pageCount() + " read by OCR");
    out.println("sections:    " + d.sections().size());
    for (Section s : d.sections()) {
      out.printf(
          "  %-8s %s%s  [%s]%n", s.path(), "  ".repeat(s.level() - 1), s.heading(), s.category());
    }
    out.println("figures:     " + ingested.figures().size() + " (headlines below)");
    for (IndicatorValue v : ingested.figures()) {
      if (v.headline()) {
        out.printf(
            "  %-10s %s %s  [%s, %s]%n",
            v.role().label(), v.name(), v.asWritten(), v.sourceKind().code(), v.sectionId());
      }
    }
    out.println("flags:       " + ingested.flags().size());
    for (IndicatorFlag f : ingested.flags()) {
      out.println("  " + Printable.line(Wording.bundled().flag(Wording.CHINESE, f)));
    }
    return ExitCode.OK;
  }
}
