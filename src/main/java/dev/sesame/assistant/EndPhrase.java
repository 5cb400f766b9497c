package dev.sesame.assistant;

import dev.sesame.request.EndDate;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds how long someone wants access in what they wrote: "until Friday", "till 24 December",
 * "until 2026-12-24", "through tomorrow", "for 2 weeks", "for three days", "for a month".
 *
 * <p>Rules (all in UTC, the zone Sesame shows times in): a day means through that day, i.e. until
 * 23:59:59 (see {@link EndDate}); a weekday is the next such day after today ("until Friday" said
 * on a Friday means a week later); a date without a year is the next such date; a length ("for 2
 * weeks") counts from now to the minute. "next Friday" is the same as "Friday".
 */
final class EndPhrase {

  /** What was found: the end, the text without the phrase (to find the app in), and the phrase. */
  record Found(Instant until, String rest, String said) {}

  private static final String NUMBER = "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
      + "|a couple of|couple of)";
  private static final String UNIT = "(hours?|hrs?|days?|weeks?|wks?|months?)";
  private static final String MONTHS = "(january|february|march|april|may|june|july|august|september|october"
      + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
  private static final String WEEKDAYS = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
      + "|mon|tues|tue|wed|thurs|thu|fri|sat|sun)";
  private static final String DAY = "(" + "\\d{4}-\\d{2}-\\d{2}"
      + "|today|tomorrow|(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:week|month)"
      + "|(?:next\\s+|this\\s+)?" + WEEKDAYS
      + "|(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + "(?:\\s+\\d{4})?"
      + "|" + MONTHS + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?" + ")";

  private static final Pattern UNTIL = Pattern.compile(
      "\\b(?:until|till|til|through|thru|up\\s+to|ending|ends?)\\s+(?:on\\s+)?" + DAY + "\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern FOR = Pattern.compile(
      "\\bfor\\s+(?:the\\s+next\\s+|another\\s+|a\\s+further\\s+)?" + NUMBER + "\\s+" + UNIT + "\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_DAY = Pattern.compile("^\\s*(?:on\\s+)?" + DAY + "\\s*[.!?]*\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_LENGTH = Pattern.compile(
      "^\\s*(?:the\\s+next\\s+|another\\s+)?" + NUMBER + "\\s+" + UNIT + "\\s*[.!?]*\\s*$", Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("a couple of", 2), Map.entry("couple of", 2));

  private static final DateTimeFormatter DAY_TEXT =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private EndPhrase() {}

  /** An end said with "until …" or "for …" anywhere in the text. */
  static Optional<Found> find(String text, Clock clock) {
    Matcher until = UNTIL.matcher(text);
    if (until.find()) {
      Optional<Instant> end = day(until.group(1), clock);
      if (end.isPresent()) {
        return Optional.of(new Found(end.get(), cut(text, until), until.group().strip()));
      }
    }
    Matcher length = FOR.matcher(text);
    if (length.find()) {
      Optional<Instant> end = length(length.group(1), length.group(2), clock);
      if (end.isPresent()) {
        return Optional.of(new Found(end.get(), cut(text, length), length.group().strip()));
      }
    }
    return Optional.empty();
  }

  /** The answer to "until when?": a phrase as {@link #find} takes it, or a bare day or length ("Friday", "2 weeks"). */
  static Optional<Instant> answer(String text, Clock clock) {
    Optional<Found> found = find(text, clock);
    if (found.isPresent()) {
      return Optional.of(found.get().until());
    }
    Matcher day = BARE_DAY.matcher(text);
    if (day.matches()) {
      return day(day.group(1), clock);
    }
    Matcher length = BARE_LENGTH.matcher(text);
    return length.matches() ? length(length.group(1), length.group(2), clock) : Optional.empty();
  }

  /** How an end is shown: "Fri 18 Dec 2026" for a whole day, else the date and time. */
  static String describe(Instant until) {
    if (until.equals(EndDate.endOf(LocalDate.ofInstant(until, ZoneOffset.UTC)))) {
      return DAY_TEXT.format(until);
    }
    return DAY_TEXT.format(until) + ", " + DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC).format(until);
  }

  private static Optional<Instant> day(String said, Clock clock) {
    String t = said.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(EndDate.endOf(LocalDate.parse(t)));
      }
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
    if (t.equals("today")) {
      return Optional.of(EndDate.endOf(today));
    }
    if (t.equals("tomorrow")) {
      return Optional.of(EndDate.endOf(today.plusDays(1)));
    }
    if (t.endsWith("week")) {
      return Optional.of(EndDate.endOf(next(today, DayOfWeek.FRIDAY, true)));
    }
    if (t.endsWith("month")) {
      return Optional.of(EndDate.endOf(today.withDayOfMonth(today.lengthOfMonth())));
    }
    String plain = t.replaceFirst("^(next|this) ", "");
    Optional<DayOfWeek> weekday = weekday(plain);
    if (weekday.isPresent()) {
      return Optional.of(EndDate.endOf(next(today, weekday.get(), false)));
    }
    return monthDay(t, today).map(EndDate::endOf);
  }

  private static Optional<LocalDate> monthDay(String t, LocalDate today) {
    Matcher m = Pattern.compile("\\d{4}|\\d{1,2}|[a-z]+").matcher(t.replaceAll("(\\d)(st|nd|rd|th)", "$1"));
    Integer day = null;
    Integer year = null;
    Month month = null;
    while (m.find()) {
      String part = m.group();
      if (part.length() == 4 && Character.isDigit(part.charAt(0))) {
        year = Integer.parseInt(part);
      } else if (Character.isDigit(part.charAt(0))) {
        day = Integer.parseInt(part);
      } else if (month == null) {
        month = month(part).orElse(null);
      }
    }
    if (day == null || month == null) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.of(year == null ? today.getYear() : year, month, day);
      if (year == null && date.isBefore(today)) {
        date = date.plusYears(1);
      }
      return Optional.of(date);
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> length(String number, String unit, Clock clock) {
    String n = number.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    int count = WORDS.containsKey(n) ? WORDS.get(n) : Integer.parseInt(n);
    if (count <= 0) {
      return Optional.empty();
    }
    ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
    String u = unit.toLowerCase(Locale.ROOT);
    ZonedDateTime end = u.startsWith("h") ? now.plusHours(count)
        : u.startsWith("d") ? now.plusDays(count)
        : u.startsWith("w") ? now.plusWeeks(count)
        : now.plusMonths(count);
    return Optional.of(end.toInstant());
  }

  private static LocalDate next(LocalDate today, DayOfWeek day, boolean todayCounts) {
    int ahead = (day.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
    return today.plusDays(ahead == 0 && !todayCounts ? 7 : ahead);
  }

  private static Optional<DayOfWeek> weekday(String word) {
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (word.length() >= 3 && full.startsWith(word)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static Optional<Month> month(String word) {
    for (Month m : Month.values()) {
      String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (word.length() >= 3 && full.startsWith(word)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static String cut(String text, Matcher m) {
    return (text.substring(0, m.start()) + " " + text.substring(m.end())).replaceAll("\\s+", " ").strip();
  }
}
