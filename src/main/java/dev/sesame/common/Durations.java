package dev.sesame.common;

import java.time.Duration;

/** Lengths of time as people read them, never in the ISO-8601 form the catalog stores. */
public final class Durations {

  private Durations() {}

  /** "30 days", "1 day", "36 hours", "90 minutes", "5 seconds": the largest whole unit. */
  public static String words(Duration d) {
    if (d.toDays() > 0 && d.toHours() % 24 == 0 && d.toSeconds() % 86_400 == 0) {
      return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }
    if (d.toHours() > 0 && d.toMinutes() % 60 == 0 && d.toSeconds() % 3600 == 0) {
      return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
    if (d.toMinutes() > 0 && d.toSeconds() % 60 == 0) {
      return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
    }
    return d.toSeconds() + (d.toSeconds() == 1 ? " second" : " seconds");
  }
}
