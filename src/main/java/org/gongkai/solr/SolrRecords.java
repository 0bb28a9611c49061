package org.gongkai.solr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.gongkai.index.Schema;
import org.gongkai.model.Facet;

/**
 * Gongkai's records as a SolrCloud collection holds them, and back. A record is the very Lucene
 * document the embedded index writes; each field becomes the collection's field of the same name
 * (the configset gives each its type), with one value per name: the stored value if there is one,
 * else the indexed text, else the point, else the doc value. Lucene's facet field becomes one field
 * per dimension ({@link Schema#facetField}), the region as path levels.
 */
public final class SolrRecords {

  private SolrRecords() {}

  private static final String FACET_INDEX_FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;

  /**
   * {@code record}, the {@code n}th of its report's records, for the collection. A section keeps
   * its id; other records (the report's, its figures') are named by report, kind and place.
   */
  public static SolrInputDocument toSolr(Document record, String docId, int n) {
    Map<String, List<Object>> stored = new LinkedHashMap<>();
    Map<String, List<Object>> indexed = new LinkedHashMap<>();
    Map<String, List<Object>> points = new LinkedHashMap<>();
    Map<String, List<Object>> docValues = new LinkedHashMap<>();
    Map<Facet, Set<String>> facets = new LinkedHashMap<>();
    for (IndexableField f : record.getFields()) {
      String name = f.name();
      var type = f.fieldType();
      if (name.equals(FACET_INDEX_FIELD)) {
        if (type.indexOptions() != IndexOptions.NONE) facet(f.stringValue(), facets);
        continue;
      }
      if (type.stored()) {
        add(stored, name, storedValue(f));
      } else if (type.indexOptions() != IndexOptions.NONE && f.stringValue() != null) {
        add(indexed, name, f.stringValue());
      } else if (type.pointDimensionCount() == 1) {
        add(points, name, pointValue(f));
      } else if (type.docValuesType() != DocValuesType.NONE) {
        Object v = docValue(f);
        if (v != null) add(docValues, name, v);
      }
    }
    SolrInputDocument out = new SolrInputDocument();
    for (var tier : List.of(stored, indexed, points, docValues))
      for (var e : tier.entrySet())
        if (!out.containsKey(e.getKey())) out.setField(e.getKey(), single(e.getValue()));
    for (var e : facets.entrySet())
      out.setField(Schema.facetField(e.getKey()), new ArrayList<>(e.getValue()));
    // every record of a report carries the report's id as doc values, to count by report
    if (docId != null && !out.containsKey(Schema.DOC_ORDER)) out.setField(Schema.DOC_ORDER, docId);
    // a section by its id; other records by kind and place, numbered with zeros ahead so records
    // sorted by key stay in the order they were written
    Object id = out.getFieldValue(Schema.ID);
    out.setField(
        Schema.KEY,
        Schema.key(
            docId,
            id != null
                ? id.toString()
                : out.getFieldValue(Schema.TYPE) + "-" + String.format("%06d", n)));
    return out;
  }

  /** A file's record: its key puts it beside the report it was read as. */
  static SolrInputDocument file(String path, Document record) {
    SolrInputDocument doc = toSolr(record, null, 0);
    doc.setField(
        Schema.KEY,
        Schema.key(String.valueOf(doc.getFieldValue(Schema.FILE_DOC_ID)), "file-" + path));
    return doc;
  }

  /** A section's or report's stored fields as the embedded index would give them back. */
  public static Document fromSolr(SolrDocument d) {
    Document out = new Document();
    for (String name : d.getFieldNames()) {
      for (Object v : values(d.getFieldValue(name))) {
        if (v instanceof Integer i) out.add(new StoredField(name, i));
        else if (v instanceof Long l) out.add(new StoredField(name, l));
        else if (v instanceof Double x) out.add(new StoredField(name, x));
        else if (v instanceof Float x) out.add(new StoredField(name, x));
        else if (v != null) out.add(new StoredField(name, v.toString()));
      }
    }
    return out;
  }

  private static Collection<?> values(Object v) {
    return v instanceof Collection<?> c ? c : java.util.Collections.singletonList(v);
  }

  /** A drill-down term ({@code dim␟part␟part}): each path is a value of its dimension's field. */
  private static void facet(String term, Map<Facet, Set<String>> facets) {
    String[] parts = FacetsConfig.stringToPath(term);
    if (parts.length < 2) return; // the dimension alone
    Facet facet = Facet.named(parts[0]).orElse(null);
    if (facet == null) return;
    String[] path = java.util.Arrays.copyOfRange(parts, 1, parts.length);
    facets
        .computeIfAbsent(facet, k -> new java.util.TreeSet<>())
        .add(Schema.facetValue(facet, path));
  }

  private static Object single(List<Object> values) {
    return values.size() == 1 ? values.get(0) : values;
  }

  private static void add(Map<String, List<Object>> to, String name, Object v) {
    to.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
  }

  private static Object storedValue(IndexableField f) {
    Number n = f.numericValue();
    if (n != null) return n;
    if (f.stringValue() != null) return f.stringValue();
    BytesRef b = f.binaryValue();
    return b == null ? null : b.utf8ToString();
  }

  private static Object pointValue(IndexableField f) {
    byte[] b = f.binaryValue().bytes;
    if (f instanceof IntPoint) return IntPoint.decodeDimension(b, 0);
    if (f instanceof LongPoint) return LongPoint.decodeDimension(b, 0);
    if (f instanceof DoublePoint) return DoublePoint.decodeDimension(b, 0);
    if (f instanceof FloatPoint) return FloatPoint.decodeDimension(b, 0);
    throw new IllegalArgumentException("a point of an unknown kind: " + f.name());
  }

  private static Object docValue(IndexableField f) {
    return switch (f.fieldType().docValuesType()) {
      case NUMERIC -> f.numericValue();
      case SORTED, SORTED_SET -> f.binaryValue().utf8ToString();
      default -> null;
    };
  }
}
