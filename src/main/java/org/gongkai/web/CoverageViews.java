package org.gongkai.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongkai.model.IndexedSection;

/**
 * What a report covers and buys, worded for its page: the budget units it lists and the items of
 * its procurement table, each with the permalink of the section saying so.
 */
final class CoverageViews {

  private final Pages pages;
  private final Links links;

  CoverageViews(Pages pages) {
    this.pages = pages;
    this.links = pages.links();
  }

  /** The units a report covers, worded; null when it says nothing of them. */
  Views.UnitsView units(
      org.gongkai.model.UnitReading u,
      List<IndexedSection> outline,
      Links.Carry carry,
      Locale locale) {
    if (!u.read()) return null;
    String summary =
        switch (u.layout()) {
          case "none" -> pages.text(locale, "units.none");
          case "self" -> pages.text(locale, "units.self");
          case "" -> null;
            // a list of the units under the body alone (本部门下属单位包括…) is said to be that
          default ->
              pages.text(
                  locale,
                  u.units().stream().anyMatch(org.gongkai.model.UnitReading.Unit::self)
                      ? "units.count"
                      : "units.under",
                  u.units().size());
        };
    String stated =
        u.stated() == null
            ? null
            : pages.text(
                locale, "units.stated." + u.agreement(), u.stated().asWritten(), u.units().size());
    List<Views.UnitLine> lines = new ArrayList<>();
    for (org.gongkai.model.UnitReading.Unit unit : u.units())
      lines.add(
          new Views.UnitLine(
              unit.name(),
              unit.nature() == null
                  ? null
                  : english(locale)
                      ? pages.text(locale, "units.nature." + natureKey(unit.nature()))
                      : unit.natureAsWritten(),
              unit.self()));
    StringBuilder staff = new StringBuilder();
    for (org.gongkai.model.UnitReading.Staff s : u.staff()) {
      if (staff.length() > 0) staff.append(english(locale) ? "; " : "；");
      staff.append(s.label()).append(' ').append(s.count());
    }
    int at = u.start() >= 0 ? u.start() : u.staff().isEmpty() ? -1 : u.staff().get(0).start();
    String href =
        at < 0
            ? null
            : IndexedSection.holding(outline, at)
                .map(s -> links.section(s.id(), carry))
                .orElse(null);
    return new Views.UnitsView(
        summary,
        stated,
        lines,
        staff.length() == 0 ? null : pages.text(locale, "units.staff", staff.toString()),
        href);
  }

  /** A report's procurement items, worded; null when it publishes no procurement table. */
  Views.PurchasesView purchases(
      org.gongkai.model.PurchaseReading p,
      List<IndexedSection> outline,
      Links.Carry carry,
      Locale locale) {
    if (!p.read()) return null;
    org.gongkai.model.PurchaseReading.Table first = p.tables().get(0);
    String summary;
    if (first.status().equals("empty")) summary = pages.text(locale, "purchases.empty");
    else {
      StringBuilder parts = new StringBuilder();
      for (org.gongkai.model.PurchaseReading.Table t : p.tables())
        for (org.gongkai.model.PurchaseReading.Part c : t.categories()) {
          if (parts.length() > 0) parts.append(english(locale) ? ", " : "，");
          parts
              .append(
                  english(locale) ? pages.text(locale, "purchases.category." + c.name()) : c.name())
              .append(' ')
              .append(Format.money(c.amount().doubleValue()));
        }
      summary =
          first.total() == null
              ? pages.text(locale, "purchases.items", p.items().size())
              : pages.text(
                  locale,
                  "purchases.summary",
                  p.items().size(),
                  Format.money(first.total().doubleValue()),
                  parts.toString());
    }
    String status =
        first.status().equals("empty")
            ? null
            : pages.text(locale, "purchases.status." + first.status());
    List<Views.PurchaseLine> lines = new ArrayList<>();
    for (org.gongkai.model.PurchaseReading.Purchase i : p.items())
      lines.add(
          new Views.PurchaseLine(
              i.category() == null
                  ? ""
                  : english(locale)
                      ? pages.text(locale, "purchases.category." + i.category())
                      : i.category(),
              i.unit() == null ? "" : i.unit(),
              i.item(),
              i.project() == null ? "" : i.project(),
              i.method(),
              Format.money(i.amount().doubleValue())));
    String href =
        IndexedSection.holding(outline, first.start())
            .map(s -> links.section(s.id(), carry))
            .orElse(null);
    return new Views.PurchasesView(summary, status, lines, href);
  }

  /** A message key for a nature: the normalised natures are Chinese words. */
  private static String natureKey(String nature) {
    return switch (nature) {
      case "行政" -> "administrative";
      case "参公" -> "civilService";
      case "事业" -> "institution";
      default -> "enterprise";
    };
  }

  private static boolean english(Locale locale) {
    return "en".equals(locale.getLanguage());
  }
}
