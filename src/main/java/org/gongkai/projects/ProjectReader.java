package org.gongkai.projects;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.Project;
import org.gongkai.model.ProjectReading;

/**
 * Reads what a report says of its projects from its clean text: its project tables, its targets
 * tables and its one-project forms ({@link ProjectTables}, {@link ProjectForms}), joined — a
 * project a targets table or a form states with the amount its project table gives is one project,
 * proven by both, its target kept — and the report's own count and sum ({@link Declared}).
 */
public final class ProjectReader {

  /** The longest name a project is given (the index's key is a keyword, of bounded length). */
  static final int MAX_NAME = 100;

  public ProjectReading read(String text) {
    List<ProjectReading.Table> tables = new ArrayList<>();
    List<Project> amounts = new ArrayList<>();
    List<Project> others = new ArrayList<>();
    List<org.gongkai.model.IndicatorFlag> flags = new ArrayList<>();
    List<ProjectChecks.Word> words = null; // the words' lists, read once where a table needs them
    for (ProjectTables.Read r : ProjectTables.find(text)) {
      ProjectTables.Tree tree = ProjectTables.tree(r.rows());
      List<Project> read = ProjectTables.projects(r, tree, tables);
      (r.targets() ? others : amounts).addAll(read);
      if (r.targets() || r.rows().size() < 3) continue;
      if (words == null) words = ProjectChecks.words(text);
      for (org.gongkai.model.IndicatorFlag f : ProjectChecks.table(text, words, r, tree))
        if (flags.stream().noneMatch(g -> g.code().equals(f.code()) && g.args().equals(f.args())))
          flags.add(f);
    }
    List<Project> forms = ProjectForms.read(text);
    if (!forms.isEmpty()) {
      long proven = forms.stream().filter(p -> p.proof().equals("parts")).count();
      tables.add(
          new ProjectReading.Table(
              "项目绩效目标表",
              "forms",
              forms.get(0).start(),
              forms.size(),
              forms.size(),
              null,
              null,
              proven == forms.size() ? "parts" : "open"));
    }
    others.addAll(forms);
    List<Project> projects = new ArrayList<>(amounts);
    // where a project table's sums hold, its rows are the projects: a targets row naming none of
    // them is one of them misread (a name wrapped differently), never another project
    boolean proven =
        tables.stream().anyMatch(t -> t.source().equals("amounts") && t.status().equals("sums"));
    for (Project o : others) {
      int match = match(projects, o);
      if (match < 0) {
        // where a table's rows, each proven, fall short of its total, a row stating exactly the
        // shortfall may be the missing project; any other is a misread one
        boolean shortfall =
            tables.stream()
                .anyMatch(
                    t -> t.status().equals("differs") && t.difference().compareTo(o.amount()) == 0);
        boolean differs = tables.stream().anyMatch(t -> t.status().equals("differs"));
        if (!proven && (!differs || shortfall)) projects.add(o);
        continue;
      }
      Project p = projects.get(match);
      String proof = p.proof().equals("sums") ? "sums" : "both";
      projects.set(
          match,
          (o.target() != null && p.target() == null ? p.withTarget(o.target()) : p)
              .withProof(proof));
    }
    // a "name" longer than any project's is a form's or a note's text, read amiss
    projects.removeIf(p -> p.name().length() > MAX_NAME || p.key().isEmpty());
    return new ProjectReading(projects, tables, Declared.find(text), flags);
  }

  /**
   * The project (of a project table) another statement names: one key (or one a wrapped form of the
   * other), one amount, the same unit where both say.
   */
  private static int match(List<Project> projects, Project o) {
    for (int i = 0; i < projects.size(); i++) {
      Project p = projects.get(i);
      if (!p.source().equals("table") || p.amount().compareTo(o.amount()) != 0) continue;
      if (p.unit() != null && o.unit() != null && !p.unit().equals(o.unit())) continue;
      String a = p.key(), b = o.key();
      if (a.equals(b)
          || Math.min(a.length(), b.length()) >= 4 && (a.startsWith(b) || b.startsWith(a)))
        return i;
    }
    return -1;
  }
}
