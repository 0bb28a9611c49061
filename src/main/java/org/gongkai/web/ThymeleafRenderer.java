package org.gongkai.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders Thymeleaf templates for Javalin. Written here because {@code javalin-rendering-thymeleaf}
 * 7.x does not resolve from Maven Central; it is a few lines around Thymeleaf's own engine.
 * Templates come from the jar, or in development mode from the {@code templates/} folder, uncached.
 */
final class ThymeleafRenderer implements FileRenderer {

  /** The model key holding the page's locale. */
  static final String LOCALE = "locale";

  private final TemplateEngine engine = new TemplateEngine();

  ThymeleafRenderer(Path devTemplates, Messages messages) {
    AbstractConfigurableTemplateResolver resolver;
    if (devTemplates != null) {
      resolver = new FileTemplateResolver();
      resolver.setPrefix(devTemplates.toAbsolutePath() + "/");
      resolver.setCacheable(false);
    } else {
      resolver = new ClassLoaderTemplateResolver();
      resolver.setPrefix("templates/");
      resolver.setCacheable(true);
    }
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(messages);
  }

  @Override
  public String render(String template, Map<String, ?> model, Context ctx) {
    Object locale = model.get(LOCALE);
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) model;
    return engine.process(
        template,
        new org.thymeleaf.context.Context(
            locale instanceof Locale l ? l : Messages.CHINESE, variables));
  }
}
