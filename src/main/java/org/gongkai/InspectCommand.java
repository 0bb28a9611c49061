package org.gongkai;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gongkai.extract.ExtractionException;
import org.gongkai.ingest.DocumentJson;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.Section;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inspect FILE [--json]}: prints what ingest makes of one file. */
@Command(
    name = "inspect",
    description = "Print what ingest makes of one file: metadata, sections, clean text.")
final class InspectCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "A PDF, DOCX, DOC, XLS(X), HTML or TXT file.")
  Path file;

  @Option(
      names = "--json",
      description = "Print JSON (file, sha256, docId, title, issuer, …, sections, text).")
  boolean asJson;

  private final App app;

  InspectCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    DisclosureDocument d;
    try {
      d = app.ingestor().ingest(file);
    } catch (ExtractionException e) {
      app.err().println("gongkai: " + Printable.line(file) + ": " + Printable.line(e.getMessage()));
      return App.FAILED;
    }
    if (asJson) {
      app.out().println(app.json().writeValueAsString(app.documentJson().toJson(d)));
      return App.OK;
    }
    var out = app.out();
    out.println("file:        " + Printable.line(d.file()));
    out.println("sha256:      " + d.sha256());
    out.println("docId:       " + d.docId());
    out.println("title:       " + d.title());
    out.println("issuer:      " + d.issuer() + " (" + d.departmentType() + ")");
    out.println(
        "kind/year:   " + d.kind() + " " + (d.year() == null ? "(year unknown)" : d.year()));
    out.println("region:      " + DocumentJson.describe(d.region()));
    out.println(
        "text:        "
            + d.text().length()
            + " characters, "
            + d.text().lines().count()
            + " lines");
    out.println("sections:    " + d.sections().size());
    for (Section s : d.sections()) {
      out.printf(
          "  %-8s %s%s  [%s]%n", s.path(), "  ".repeat(s.level() - 1), s.heading(), s.category());
    }
    return App.OK;
  }
}
