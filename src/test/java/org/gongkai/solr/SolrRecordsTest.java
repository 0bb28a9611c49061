package org.gongkai.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.gongkai.TestSupport;
import org.gongkai.index.DocumentMapper;
import org.gongkai.index.Schema;
import org.gongkai.model.IngestedDocument;
import org.gongkai.model.Section;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bundled report's records as a collection holds them: every field declared by the configset's
 * schema, one value per field, facets as the collection's fields, and the stored fields read back
 * into the same section.
 */
class SolrRecordsTest {

  static IngestedDocument report;
  static List<Document> records;

  @BeforeAll
  static void ingest() throws Exception {
    TestSupport.indexer(); // installs the dictionary
    report =
        TestSupport.ingestor()
            .ingest(TestSupport.CORPUS.resolve(Path.of("formats", "004_37d039dcb8ad6afc.html")));
    records =
        new DocumentMapper(Schema.facetsConfig())
            .toLucene(
                report.document(),
                Instant.parse("2026-01-15T08:00:00Z"),
                report.figures(),
                report.flags(),
                report.completeness(),
                // projects of forms written for the purpose: their records' fields declared too
                new org.gongkai.projects.ProjectReader()
                    .read(
                        java.nio.file.Files.readString(
                            Path.of("src/test/resources/fixtures/projects/forms.txt"))));
  }

  static List<SolrInputDocument> solr() {
    List<SolrInputDocument> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++)
      out.add(SolrRecords.toSolr(records.get(i), report.document().docId(), i));
    return out;
  }

  @Test
  void everyFieldIsOneTheSchemaDeclares() throws Exception {
    String schema =
        new String(
            SolrRecordsTest.class.getResourceAsStream("/solr/conf/schema.xml").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    Set<String> declared = new TreeSet<>();
    Matcher m = Pattern.compile("<field name=\"([^\"]+)\"").matcher(schema);
    while (m.find()) declared.add(m.group(1));
    Set<String> undeclared = new TreeSet<>();
    for (SolrInputDocument d : solr())
      for (String f : d.getFieldNames())
        if (!declared.contains(f) && !f.startsWith("ind_")) undeclared.add(f);
    assertEquals(Set.of(), undeclared);
    assertTrue(schema.contains("<dynamicField name=\"ind_*\""));
  }

  @Test
  void aSectionKeepsItsIdTextOrderAndFacets() {
    Section first = report.document().sections().get(0);
    SolrInputDocument s = solr().get(1);
    String docId = report.document().docId();
    assertEquals(first.id(), s.getFieldValue(Schema.ID));
    assertEquals(report.document().docId() + "!" + first.id(), s.getFieldValue(Schema.KEY));
    assertEquals("section", s.getFieldValue(Schema.TYPE));
    assertEquals(docId, s.getFieldValue(Schema.DOC_ID));
    assertEquals(docId, s.getFieldValue(Schema.DOC_ORDER));
    assertEquals(0, s.getFieldValue(Schema.ORDINAL));
    String text = report.document().text().substring(first.start(), first.end());
    assertEquals(text, s.getFieldValue(Schema.TEXT));
    assertEquals(text, s.getFieldValue(Schema.WORDS));
    assertEquals(report.document().year(), s.getFieldValue(Schema.YEAR));
    assertEquals(
        List.of(
            "1/" + report.document().region().region().province(),
            "2/"
                + report.document().region().region().province()
                + "/"
                + report.document().region().region().city(),
            "3/" + String.join("/", report.document().region().region().path())),
        s.getFieldValues(Schema.facetField(org.gongkai.model.Facet.REGION)));
    assertEquals(
        List.of(String.valueOf(report.document().year())),
        s.getFieldValues(Schema.facetField(org.gongkai.model.Facet.YEAR)));
    assertEquals(
        List.of(first.category()),
        s.getFieldValues(Schema.facetField(org.gongkai.model.Facet.CATEGORY)));
  }

  @Test
  void otherRecordsAreKeyedByReportKindAndPlace() {
    List<SolrInputDocument> docs = solr();
    String docId = report.document().docId();
    assertEquals(docId + "!document-000000", docs.get(0).getFieldValue(Schema.KEY));
    assertEquals(null, docs.get(0).getFieldValue(Schema.ID));
    int firstFigure = 1 + report.document().sections().size();
    assertEquals(
        docId + "!indicator-" + String.format("%06d", firstFigure),
        docs.get(firstFigure).getFieldValue(Schema.KEY));
    assertEquals(Double.class, docs.get(firstFigure).getFieldValue(Schema.COMPARABLE).getClass());
  }

  @Test
  void aFileIsKeyedBesideItsReportWithOneBangOnly() {
    var record =
        new DocumentMapper(Schema.facetsConfig())
            .toLucene(
                new org.gongkai.model.IndexedFile(
                    "a 100%.zip!/b!.pdf", "f00d", report.document().docId(), 8));
    SolrInputDocument file = SolrRecords.file("a 100%.zip!/b!.pdf", record);
    assertEquals(
        report.document().docId() + "!file-a 100%25.zip%21/b%21.pdf",
        file.getFieldValue(Schema.KEY));
    assertEquals("a 100%.zip!/b!.pdf", file.getFieldValue(Schema.FILE_PATH));
    assertEquals(report.document().docId(), file.getFieldValue(Schema.FILE_DOC_ID));
    assertEquals(8, file.getFieldValue(Schema.FILE_PIPELINE));
  }

  @Test
  void aSectionsStoredFieldsReadBackAsTheSameSection() {
    // what the collection returns: the stored fields, typed as the schema stores them
    SolrInputDocument in = solr().get(2);
    SolrDocument out = new SolrDocument();
    for (String f :
        List.of(
            Schema.ID,
            Schema.DOC_ID,
            Schema.ORDINAL,
            Schema.PATH,
            Schema.LEVEL,
            Schema.BODY_OFFSET,
            Schema.SECTION_START,
            Schema.PAGES,
            Schema.HEADING,
            Schema.BREADCRUMB,
            Schema.CATEGORY,
            Schema.TEXT,
            Schema.TITLE,
            Schema.ISSUER,
            Schema.YEAR,
            Schema.KIND,
            Schema.DEPARTMENT,
            Schema.REGION_CODE,
            Schema.PROVINCE,
            Schema.CITY,
            Schema.COUNTY)) if (in.getFieldValue(f) != null) out.setField(f, in.getFieldValue(f));
    var stored = new Document();
    for (var f : records.get(2).getFields()) if (f.fieldType().stored()) stored.add(f);
    assertEquals(DocumentMapper.section(stored), DocumentMapper.section(SolrRecords.fromSolr(out)));
  }
}
