package dev.sesame.assistant.web;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders the assistant's markdown for the web chat. Raw HTML in a message is escaped and link
 * targets are sanitised, so a catalog entry can't inject script into the page.
 */
@Component
public class Markdown {

  private final Parser parser = Parser.builder().extensions(List.of(AutolinkExtension.create())).build();
  private final HtmlRenderer renderer = HtmlRenderer.builder()
      .extensions(List.of(AutolinkExtension.create()))
      .escapeHtml(true)
      .sanitizeUrls(true)
      .attributeProviderFactory(context -> (node, tag, attributes) -> {
        if (node instanceof Link) {
          attributes.put("target", "_blank");
          attributes.put("rel", "noopener noreferrer");
        }
      })
      .build();

  /** The HTML of a markdown text, safe to insert into a page. */
  public String html(String markdown) {
    return renderer.render(parser.parse(markdown));
  }
}
