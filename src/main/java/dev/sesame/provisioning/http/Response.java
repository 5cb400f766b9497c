package dev.sesame.provisioning.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP answer: status, headers and body, with the header readings the connectors need. */
public record Response(int status, HttpHeaders headers, String body) {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
  private static final Pattern NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

  /** True for 2xx. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The body as JSON; a missing node when it is empty or not JSON (an error page from a proxy). */
  public JsonNode json() {
    if (body.isBlank()) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.missingNode();
    }
  }

  /**
   * Every value of a header, whether it was repeated or comma-joined (except for dates, which
   * contain commas: use {@link #date()}).
   */
  public List<String> values(String name) {
    List<String> values = new ArrayList<>();
    for (String header : headers.allValues(name)) {
      for (String part : header.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }

  /**
   * The earliest of the {@code Date} headers (the most conservative: a wait measured from it is the
   * longest); empty when there is none or none parses.
   */
  public Optional<Instant> date() {
    Optional<Instant> earliest = Optional.empty();
    for (String value : headers.allValues("Date")) {
      try {
        Instant date = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        if (earliest.isEmpty() || date.isBefore(earliest.get())) {
          earliest = Optional.of(date);
        }
      } catch (DateTimeParseException e) {
        // NB. a broken Date header is ignored: the caller falls back to its own clock.
      }
    }
    return earliest;
  }

  /** The {@code rel="next"} target of the {@code Link} headers (RFC 8288); empty on the last page. */
  public Optional<URI> nextLink() {
    for (String header : headers.allValues("Link")) {
      Matcher link = LINK.matcher(header);
      while (link.find()) {
        Matcher rel = NEXT.matcher(link.group(2));
        while (rel.find()) {
          for (String r : rel.group(1).trim().split("\\s+")) {
            if (r.equalsIgnoreCase("next")) {
              return Optional.of(URI.create(link.group(1).trim()));
            }
          }
        }
      }
    }
    return Optional.empty();
  }
}
