package org.gongkai.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The portal's words in Chinese (the default) and English, from {@code
 * templates/i18n/messages_*.properties} (UTF-8). Serves Thymeleaf's {@code #{key}} and controllers
 * alike. In development mode the files are read again on every lookup, so edits show at once.
 */
final class Messages implements IMessageResolver {

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private final Path devTemplates; // null: read once from the classpath
  private final Properties zh;
  private final Properties en;

  Messages(Path devTemplates) {
    this.devTemplates = devTemplates;
    this.zh = load("zh");
    this.en = load("en");
  }

  String get(Locale locale, String key, Object... args) {
    Properties p =
        devTemplates != null
            ? load(isEnglish(locale) ? "en" : "zh")
            : (isEnglish(locale) ? en : zh);
    String pattern = p.getProperty(key);
    if (pattern == null) return "??" + key + "??";
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  static boolean isEnglish(Locale locale) {
    return locale != null && locale.getLanguage().equals("en");
  }

  private Properties load(String lang) {
    String name = "i18n/messages_" + lang + ".properties";
    Properties p = new Properties();
    try (InputStream in =
        devTemplates != null
            ? Files.newInputStream(devTemplates.resolve(name))
            : Messages.class.getResourceAsStream("/templates/" + name)) {
      if (in == null) throw new IllegalStateException("missing " + name);
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  @Override
  public String getName() {
    return "gongkai";
  }

  @Override
  public Integer getOrder() {
    return 0;
  }

  @Override
  public String resolveMessage(
      ITemplateContext context, Class<?> origin, String key, Object[] args) {
    return get(context.getLocale(), key, args == null ? new Object[0] : args);
  }

  @Override
  public String createAbsentMessageRepresentation(
      ITemplateContext context, Class<?> origin, String key, Object[] args) {
    return "??" + key + "??";
  }
}
