package dev.sesame.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdTest {

  private static final String SAMPLE_TEXT = "3f2b8c1e-7d4a-4b6e-9c0f-1a2b3c4d5e6f";
  private static final RequestId SAMPLE_ID = new RequestId(UUID.fromString(SAMPLE_TEXT));

  @Test
  void parse_whenUuid_thenPresent() {
    assertThat(RequestId.parse(SAMPLE_TEXT)).contains(SAMPLE_ID);
  }

  @Test
  void parse_whenUpperCaseWithSpaces_thenSameId() {
    assertThat(RequestId.parse("  " + SAMPLE_TEXT.toUpperCase() + " ")).contains(SAMPLE_ID);
  }

  @Test
  void parse_whenNotAUuid_thenEmpty() {
    assertThat(RequestId.parse("not-a-request")).isEmpty();
    assertThat(RequestId.parse("")).isEmpty();
    assertThat(RequestId.parse(SAMPLE_TEXT + "0")).isEmpty();
  }

  @Test
  void parse_whenNull_thenEmpty() {
    assertThat(RequestId.parse(null)).isEmpty();
  }

  @Test
  void toString_whenPrinted_thenPlainUuidThatParsesBack() {
    assertThat(SAMPLE_ID).hasToString(SAMPLE_TEXT);
    assertThat(RequestId.parse(SAMPLE_ID.toString())).contains(SAMPLE_ID);
  }
}
