package io.saima.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The bulletin's FreeMarker templates ({@code .ftlh} escapes HTML by itself; the Markdown's {@code
 * .ftl} does not). Numbers are never formatted by a template: figures arrive as text, rounded by
 * {@link Unit}; counts are printed with {@code ?c}.
 */
final class Templates {
  private static final Configuration CONFIG = configuration();

  private Templates() {}

  private static Configuration configuration() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_32);
    c.setClassForTemplateLoading(Templates.class, "/io/saima/report");
    c.setDefaultEncoding(StandardCharsets.UTF_8.name());
    c.setOutputEncoding(StandardCharsets.UTF_8.name());
    c.setLocale(Locale.ROOT);
    c.setNumberFormat("computer");
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    return c;
  }

  static void render(String name, Map<String, Object> model, Writer out) throws IOException {
    Template template = CONFIG.getTemplate(name);
    try {
      template.process(model, out);
    } catch (TemplateException e) {
      throw new IOException("template " + name + " failed: " + e.getMessage(), e);
    }
  }
}
