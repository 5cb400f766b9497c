package dev.sesame.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EndPhraseTest {

  // Friday 4 December 2026, 16:09 UTC.
  private static final Clock FRIDAY = Clock.fixed(Instant.parse("2026-12-04T16:09:00Z"), ZoneOffset.UTC);
  // Wednesday 2 December 2026, 09:30 UTC.
  private static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2026-12-02T09:30:00Z"), ZoneOffset.UTC);

  private static Instant endOf(String day) {
    return Instant.parse(day + "T23:59:59Z");
  }

  @Test
  void find_whenUntilWeekday_thenEndOfTheNextSuchDay() {
    EndPhrase.Found found = EndPhrase.find("can I get figma until Friday", WEDNESDAY).orElseThrow();
    assertThat(found.until()).isEqualTo(endOf("2026-12-04"));
    assertThat(found.rest()).isEqualTo("can I get figma");
    assertThat(found.said()).isEqualTo("until Friday");
  }

  @Test
  void find_whenUntilTodaysWeekday_thenAWeekLater() {
    assertThat(EndPhrase.find("figma until friday", FRIDAY).orElseThrow().until()).isEqualTo(endOf("2026-12-11"));
    assertThat(EndPhrase.find("figma till next fri", FRIDAY).orElseThrow().until()).isEqualTo(endOf("2026-12-11"));
  }

  @Test
  void find_whenForWeeksOrDays_thenFromNowToTheMinute() {
    assertThat(EndPhrase.find("figma for 2 weeks please", FRIDAY).orElseThrow().until())
        .isEqualTo(Instant.parse("2026-12-18T16:09:00Z"));
    assertThat(EndPhrase.find("figma for 3 days", FRIDAY).orElseThrow().until())
        .isEqualTo(Instant.parse("2026-12-07T16:09:00Z"));
    assertThat(EndPhrase.find("I need jira for a week", FRIDAY).orElseThrow().until())
        .isEqualTo(Instant.parse("2026-12-11T16:09:00Z"));
    assertThat(EndPhrase.find("jira for three days", FRIDAY).orElseThrow().until())
        .isEqualTo(Instant.parse("2026-12-07T16:09:00Z"));
    assertThat(EndPhrase.find("jira for a month", FRIDAY).orElseThrow().until())
        .isEqualTo(Instant.parse("2027-01-04T16:09:00Z"));
    assertThat(EndPhrase.find("jira for 12 hours", FRIDAY).orElseThrow().until())
        .isEqualTo(Instant.parse("2026-12-05T04:09:00Z"));
    assertThat(EndPhrase.find("renew figma for another 2 weeks", FRIDAY).orElseThrow().rest())
        .isEqualTo("renew figma");
  }

  @Test
  void find_whenIsoDateOrNamedDate_thenThroughThatDay() {
    assertThat(EndPhrase.find("figma until 2026-12-24", FRIDAY).orElseThrow().until()).isEqualTo(endOf("2026-12-24"));
    assertThat(EndPhrase.find("figma until 24 December", FRIDAY).orElseThrow().until()).isEqualTo(endOf("2026-12-24"));
    assertThat(EndPhrase.find("figma till Dec 24th", FRIDAY).orElseThrow().until()).isEqualTo(endOf("2026-12-24"));
    assertThat(EndPhrase.find("figma through the 3rd of January", FRIDAY).orElseThrow().until())
        .isEqualTo(endOf("2027-01-03"));
    assertThat(EndPhrase.find("figma until 1 December 2027", FRIDAY).orElseThrow().until())
        .isEqualTo(endOf("2027-12-01"));
  }

  @Test
  void find_whenDateWithoutYearHasPassed_thenNextYear() {
    assertThat(EndPhrase.find("figma until 1 December", FRIDAY).orElseThrow().until()).isEqualTo(endOf("2027-12-01"));
  }

  @Test
  void find_whenTomorrowOrEndOfWeekOrMonth_thenThatDay() {
    assertThat(EndPhrase.find("figma until tomorrow", WEDNESDAY).orElseThrow().until()).isEqualTo(endOf("2026-12-03"));
    assertThat(EndPhrase.find("figma until the end of the week", WEDNESDAY).orElseThrow().until())
        .isEqualTo(endOf("2026-12-04"));
    assertThat(EndPhrase.find("figma until end of month", WEDNESDAY).orElseThrow().until())
        .isEqualTo(endOf("2026-12-31"));
  }

  @Test
  void find_whenNoEndSaid_thenEmpty() {
    assertThat(EndPhrase.find("can I get figma", FRIDAY)).isEmpty();
    assertThat(EndPhrase.find("figma for the design team", FRIDAY)).isEmpty();
    assertThat(EndPhrase.find("access to monday.com", FRIDAY)).isEmpty();
    assertThat(EndPhrase.find("figma until 2026-13-45", FRIDAY)).isEmpty();
    assertThat(EndPhrase.find("figma until 31 February", FRIDAY)).isEmpty();
    assertThat(EndPhrase.find("figma for 0 days", FRIDAY)).isEmpty();
  }

  @Test
  void answer_whenBareDayOrLength_thenEnd() {
    assertThat(EndPhrase.answer("Friday", WEDNESDAY)).contains(endOf("2026-12-04"));
    assertThat(EndPhrase.answer("2 weeks", FRIDAY)).contains(Instant.parse("2026-12-18T16:09:00Z"));
    assertThat(EndPhrase.answer("until 2026-12-24", FRIDAY)).contains(endOf("2026-12-24"));
    assertThat(EndPhrase.answer("2026-12-24.", FRIDAY)).contains(endOf("2026-12-24"));
    assertThat(EndPhrase.answer("no idea", FRIDAY)).isEmpty();
  }

  @Test
  void describe_whenWholeDay_thenDateOnly() {
    assertThat(EndPhrase.describe(endOf("2026-12-18"))).isEqualTo("Fri 18 Dec 2026");
    assertThat(EndPhrase.describe(Instant.parse("2026-12-18T16:09:00Z"))).isEqualTo("Fri 18 Dec 2026, 16:09 UTC");
  }
}
