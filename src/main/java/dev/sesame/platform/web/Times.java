package dev.sesame.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages show instants: in UTC, the zone of Sesame's clock, which the pages say. */
public final class Times {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private Times() {}

  /** "3 Dec 2026, 17:39". */
  public static String minute(Instant at) {
    return MINUTE.format(at);
  }

  /** "3 Dec 2026, 17:39:05". */
  public static String second(Instant at) {
    return SECOND.format(at).replace(" UTC", "");
  }

  /** "3 Dec 2026". */
  public static String day(Instant at) {
    return DAY.format(at);
  }

  /** "17:39". */
  public static String time(Instant at) {
    return TIME.format(at);
  }

  /** "3 Dec 2026, 17:39:05 UTC", for tooltips. */
  public static String exact(Instant at) {
    return SECOND.format(at);
  }
}
