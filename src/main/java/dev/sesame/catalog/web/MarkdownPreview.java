package dev.sesame.catalog.web;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders self-service instructions as the chat will show them, for the editor's preview. Raw HTML
 * is escaped and link targets are sanitised, so an entry cannot inject script into the console.
 */
final class MarkdownPreview {

  private static final Parser PARSER = Parser.builder().extensions(List.of(AutolinkExtension.create())).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
      .extensions(List.of(AutolinkExtension.create()))
      .escapeHtml(true)
      .sanitizeUrls(true)
      .build();

  private MarkdownPreview() {}

  /** The HTML of the markdown, safe to insert into a page. */
  static String html(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }

  /** True when the instructions give people a secure web address to follow. */
  static boolean hasHttpsUrl(String markdown) {
    return markdown.contains("https://");
  }
}
