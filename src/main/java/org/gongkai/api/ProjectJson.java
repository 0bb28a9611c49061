package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.model.Project;
import org.gongkai.model.ProjectReading;

/**
 * A report's projects as JSON: each project, the tables they were read from, the report's count.
 */
public final class ProjectJson {

  private ProjectJson() {}

  public static ObjectNode reading(ObjectMapper mapper, ProjectReading r) {
    ObjectNode o = mapper.createObjectNode();
    ArrayNode projects = o.putArray("items");
    for (Project p : r.projects()) projects.add(project(mapper, p));
    ArrayNode tables = o.putArray("tables");
    for (ProjectReading.Table t : r.tables()) {
      ObjectNode to = tables.addObject();
      to.put("title", t.title());
      to.put("source", t.source());
      to.put("start", t.start());
      to.put("rows", t.rows());
      to.put("projects", t.projects());
      if (t.total() == null) to.putNull("total");
      else to.put("total", t.total().toPlainString());
      if (t.difference() == null) to.putNull("difference");
      else to.put("difference", t.difference().toPlainString());
      to.put("status", t.status());
    }
    ArrayNode declared = o.putArray("declared");
    for (ProjectReading.Declared d : r.declared()) {
      ObjectNode d0 = declared.addObject();
      d0.put("count", d.count());
      if (d.amount() == null) d0.putNull("amount");
      else d0.put("amount", d.amount().toPlainString());
      d0.put("asWritten", d.asWritten());
      d0.put("start", d.start());
      d0.put("end", d.end());
    }
    return o;
  }

  public static ObjectNode project(ObjectMapper mapper, Project p) {
    ObjectNode o = mapper.createObjectNode();
    o.put("name", p.name());
    o.put("key", p.key());
    o.put("unit", p.unit());
    o.put("amount", p.amount().toPlainString());
    o.put("asWritten", p.asWritten());
    o.put("scope", p.scope());
    o.put("target", p.target());
    o.put("source", p.source());
    o.put("title", p.title());
    o.put("start", p.start());
    o.put("end", p.end());
    o.put("proof", p.proof());
    return o;
  }
}
