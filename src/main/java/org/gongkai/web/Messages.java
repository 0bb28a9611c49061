package org.gongkai.web;

import java.util.Locale;
import org.gongkai.api.Wording;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/** Serves Thymeleaf's {@code #{key}} from the portal's {@link Wording}. */
final class Messages implements IMessageResolver {

  static final Locale CHINESE = Wording.CHINESE;

  private final Wording wording;

  Messages(Wording wording) {
    this.wording = wording;
  }

  Wording wording() {
    return wording;
  }

  String get(Locale locale, String key, Object... args) {
    return wording.get(locale, key, args);
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
