package org.gongkai.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the search's notes on how it read a query (English in the API, a stable contract) into the
 * page's language: each known note's pattern maps to a message key whose arguments are its groups.
 */
final class Notices {

  private static final Map<Pattern, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put(
        Pattern.compile(
            "The query is longer than (\\d+) characters; only the first \\d+ were used\\."),
        "note.tooLong");
    KEYS.put(
        Pattern.compile("The query has (\\d+) terms; only the first (\\d+) were used\\."),
        "note.tooManyTerms");
    KEYS.put(
        Pattern.compile("Ignored a closing bracket that has no opening bracket\\."),
        "note.strayBracket");
    KEYS.put(
        Pattern.compile("Closed (\\d+) bracket\\(s\\) that were left open\\."), "note.openBracket");
    KEYS.put(
        Pattern.compile("Ignored the filter (.+) because it has no value\\."), "note.emptyFilter");
    KEYS.put(
        Pattern.compile("A quote was not closed; the phrase runs to the end of the query\\."),
        "note.openQuote");
    KEYS.put(Pattern.compile("Ignored an OR with nothing after it\\."), "note.orAfter");
    KEYS.put(Pattern.compile("Ignored an OR with nothing before it\\."), "note.orBefore");
    KEYS.put(Pattern.compile("Ignored a minus sign with nothing after it\\."), "note.minus");
    KEYS.put(
        Pattern.compile(
            "Ignored year:(.*) — write a year such as 2024 or a range such as 2022\\.\\.2024\\."),
        "note.year");
    KEYS.put(
        Pattern.compile("Unknown region \"(.*)\": no province, city or county has that name\\."),
        "note.region");
    KEYS.put(
        Pattern.compile("Ignored \"?(.*?)\"?: it holds no letter or digit\\."), "note.noLetters");
    KEYS.put(Pattern.compile("The query is too complex; use fewer terms\\."), "note.complex");
    KEYS.put(
        Pattern.compile("The query has no search terms; showing every section\\."), "note.noTerms");
    KEYS.put(
        Pattern.compile(
            "Only the first (\\d+) results can be paged; showing page (\\d+)\\. Narrow the search to see more\\."),
        "note.deep");
  }

  private Notices() {}

  static String translate(Pages pages, Locale locale, String note) {
    if (Messages.isEnglish(locale)) return note;
    for (var e : KEYS.entrySet()) {
      Matcher m = e.getKey().matcher(note);
      if (m.matches()) {
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) args[i] = m.group(i + 1);
        return pages.text(locale, e.getValue(), args);
      }
    }
    return note;
  }
}
