package dev.sesame.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A labelled link shown with an app, e.g. its help centre; only absolute https URLs. */
public record Link(String label, URI url) {

  public Link {
    label = label.strip();
    if (label.isEmpty() || label.length() > 200) {
      throw new IllegalArgumentException("a link needs a label of 1 to 200 characters");
    }
    requireWebUrl(url);
  }

  /** Parses a link from its label and URL text, naming what is wrong with the URL. */
  public static Link of(String label, String url) {
    try {
      return new Link(label, new URI(url.strip()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
    }
  }

  static void requireWebUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https")) {
      throw new IllegalArgumentException("'" + url + "' is not a web address: it must start with https://");
    }
    if (url.getHost() == null || url.getHost().isBlank()) {
      throw new IllegalArgumentException("'" + url + "' has no host name");
    }
  }
}
