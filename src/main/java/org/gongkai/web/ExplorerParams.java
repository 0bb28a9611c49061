package org.gongkai.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.model.Facet;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.search.IndicatorService;

/**
 * What the figures explorer's URL asks, read: the figure's filters, a government's level and role
 * (by their codes or as reports say them), several values by repetition or commas; a value that is
 * none of those there are is a 400 naming them.
 */
final class ExplorerParams {

  private ExplorerParams() {}

  /** The request's attribute holding what the explorer shows when nothing is asked. */
  static final String DEFAULTS = "gongkai.explorer.defaults";

  /**
   * The values of parameter {@code key}: as asked, or — on the explorer's landing, where nothing is
   * — the default view's ({@link #DEFAULTS}).
   */
  @SuppressWarnings("unchecked")
  static List<String> values(Context ctx, String key) {
    List<String> asked = ctx.queryParams(key);
    if (!asked.isEmpty()) return asked;
    Map<String, List<String>> defaults = (Map<String, List<String>>) ctx.attribute(DEFAULTS);
    return defaults == null ? asked : defaults.getOrDefault(key, List.of());
  }

  static IndicatorService.Request request(Context ctx, String id) {
    return request(ctx, id, level(ctx.queryParam("level")), role(ctx.queryParam("role")));
  }

  static IndicatorService.Request request(Context ctx, String id, Scope.Whose level, Role role) {
    return new IndicatorService.Request(
        id,
        split(values(ctx, Facet.REGION.key())),
        split(values(ctx, Facet.YEAR.key())),
        split(values(ctx, Facet.DEPARTMENT.key())),
        split(values(ctx, Facet.KIND.key())),
        "true".equals(ctx.queryParam("all")),
        level,
        role);
  }

  /** The levels a government's figure is chosen by, in the order the explorer offers them. */
  static final List<Scope.Whose> LEVELS =
      List.of(Scope.Whose.WHOLE, Scope.Whose.LEVEL, Scope.Whose.SELF);

  /** The roles a government's figure is chosen by. */
  static final List<Role> ROLES =
      List.of(Role.PLANNED, Role.EXECUTED, Role.ACTUAL, Role.INITIAL_BUDGET);

  /**
   * The level asked ({@code level=whole|level|self}, or as the reports say it: 全市, 市级, 本级); null
   * when none is. Another value is a 400 naming the ones there are.
   */
  static Scope.Whose level(String v) {
    if (v == null || v.isBlank()) return null;
    String s = v.strip();
    for (Scope.Whose w : LEVELS) if (w.name().equalsIgnoreCase(s)) return w;
    switch (s) {
      case "全市", "全县", "全区", "全省" -> {
        return Scope.Whose.WHOLE;
      }
      case "市级", "县级", "区级", "省级" -> {
        return Scope.Whose.LEVEL;
      }
      case "本级", "市本级", "县本级", "区本级", "省本级" -> {
        return Scope.Whose.SELF;
      }
      default -> throw new BadParameter("error.unknownLevel", v);
    }
  }

  /**
   * The role asked ({@code role=planned|executed|actual|initial_budget}, or its label: 本年预算, 执行数,
   * 本年决算, 年初预算); null when none is. Another value is a 400 naming the ones there are.
   */
  static Role role(String v) {
    if (v == null || v.isBlank()) return null;
    String s = v.strip();
    for (Role r : Role.values()) if (r.name().equalsIgnoreCase(s)) return r;
    return Role.ofLabel(s).orElseThrow(() -> new BadParameter("error.unknownRole", v));
  }

  /** Repeated parameters and comma-separated lists both select several values. */
  static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values)
      for (String part : v.split("[,，]")) if (!part.isBlank()) out.add(part.strip());
    return out;
  }

  /** The filters the explorer takes (every facet but the section category), as asked. */
  static Map<Facet, List<String>> filters(Context ctx) {
    Map<Facet, List<String>> out = new java.util.LinkedHashMap<>();
    for (Facet f : List.of(Facet.REGION, Facet.YEAR, Facet.DEPARTMENT, Facet.KIND)) {
      List<String> values = split(values(ctx, f.key()));
      if (!values.isEmpty()) out.put(f, values);
    }
    SearchParams.checkFilterCount(out);
    return out;
  }
}
