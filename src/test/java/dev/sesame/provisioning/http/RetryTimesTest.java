package dev.sesame.provisioning.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryTimesTest {

  private static final Instant DATE = Instant.parse("2026-12-04T09:00:00Z");
  private static final String DATE_TEXT = "Fri, 04 Dec 2026 09:00:00 GMT";
  private static final Clock LOCAL = Clock.fixed(DATE.plusSeconds(3600), ZoneOffset.UTC);
  private static final Duration FALLBACK = Duration.ofSeconds(60);

  // --- untilReset ----------------------------------------------------------------------------

  @Test
  void untilReset_whenResetAheadOfDate_thenMeasuredAgainstDateNotLocalClock() {
    Response response = response(Map.of("Date", List.of(DATE_TEXT), "X-Rate-Limit-Reset", List.of(epoch(30))));

    assertThat(RetryTimes.untilReset(response, "X-Rate-Limit-Reset", LOCAL, FALLBACK)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void untilReset_whenResetRepeatedOrJoined_thenLatestWins() {
    Response repeated = response(Map.of("Date", List.of(DATE_TEXT),
        "X-Rate-Limit-Reset", List.of(epoch(10), epoch(30))));
    Response joined = response(Map.of("Date", List.of(DATE_TEXT), "X-Rate-Limit-Reset", List.of(epoch(45) + ", " + epoch(5))));

    assertThat(RetryTimes.untilReset(repeated, "X-Rate-Limit-Reset", LOCAL, FALLBACK)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryTimes.untilReset(joined, "X-Rate-Limit-Reset", LOCAL, FALLBACK)).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void untilReset_whenDateRepeated_thenEarliestDateGivesTheLongerWait() {
    Response response = response(Map.of("Date", List.of("Fri, 04 Dec 2026 09:00:10 GMT", DATE_TEXT),
        "X-Rate-Limit-Reset", List.of(epoch(30))));

    assertThat(RetryTimes.untilReset(response, "X-Rate-Limit-Reset", LOCAL, FALLBACK)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void untilReset_whenDateMissing_thenLocalClock() {
    Clock local = Clock.fixed(DATE, ZoneOffset.UTC);
    Response response = response(Map.of("X-Rate-Limit-Reset", List.of(epoch(20))));

    assertThat(RetryTimes.untilReset(response, "X-Rate-Limit-Reset", local, FALLBACK)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void untilReset_whenResetMissingOrGarbled_thenFallback() {
    assertThat(RetryTimes.untilReset(response(Map.of("Date", List.of(DATE_TEXT))), "X-Rate-Limit-Reset", LOCAL,
        FALLBACK)).isEqualTo(FALLBACK);
    assertThat(RetryTimes.untilReset(response(Map.of("X-Rate-Limit-Reset", List.of("soon"))), "X-Rate-Limit-Reset",
        LOCAL, FALLBACK)).isEqualTo(FALLBACK);
  }

  @Test
  void untilReset_whenResetAlreadyPassed_thenMinimumNotZero() {
    Response response = response(Map.of("Date", List.of(DATE_TEXT), "X-Rate-Limit-Reset", List.of(epoch(-5))));

    assertThat(RetryTimes.untilReset(response, "X-Rate-Limit-Reset", LOCAL, FALLBACK)).isEqualTo(RetryTimes.MINIMUM);
  }

  // --- retryAfter ----------------------------------------------------------------------------

  @Test
  void retryAfter_whenSecondsOrDate_thenThatDelayAndLongestWhenRepeated() {
    assertThat(RetryTimes.retryAfter(response(Map.of("Retry-After", List.of("7"))), LOCAL, FALLBACK))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryTimes.retryAfter(response(Map.of("Date", List.of(DATE_TEXT),
        "Retry-After", List.of("Fri, 04 Dec 2026 09:02:00 GMT"))), LOCAL, FALLBACK)).isEqualTo(Duration.ofMinutes(2));
    assertThat(RetryTimes.retryAfter(response(Map.of("Retry-After", List.of("7", "12"))), LOCAL, FALLBACK))
        .isEqualTo(Duration.ofSeconds(12));
    assertThat(RetryTimes.retryAfter(response(Map.of()), LOCAL, FALLBACK)).isEqualTo(FALLBACK);
  }

  // --- Response.nextLink ---------------------------------------------------------------------

  @Test
  void nextLink_whenSeveralLinksInOneOrManyHeaders_thenTheNextOne() {
    Response one = response(Map.of("Link", List.of(
        "<https://acme.okta.com/api/v1/users?limit=2>; rel=\"self\", <https://acme.okta.com/api/v1/users?after=00u2&limit=2>; rel=\"next\"")));
    Response many = response(Map.of("Link", List.of("<https://a.example/x?limit=2>; rel=\"self\"",
        "<https://a.example/x?after=b&limit=2>; rel=next")));
    Response last = response(Map.of("Link", List.of("<https://a.example/x?limit=2>; rel=\"self\"")));

    assertThat(one.nextLink()).contains(URI.create("https://acme.okta.com/api/v1/users?after=00u2&limit=2"));
    assertThat(many.nextLink()).contains(URI.create("https://a.example/x?after=b&limit=2"));
    assertThat(last.nextLink()).isEmpty();
  }

  private static String epoch(int secondsAfterDate) {
    return String.valueOf(DATE.getEpochSecond() + secondsAfterDate);
  }

  private static Response response(Map<String, List<String>> headers) {
    return new Response(429, HttpHeaders.of(headers, (a, b) -> true), "");
  }
}
