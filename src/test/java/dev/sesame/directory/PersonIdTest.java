package dev.sesame.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PersonIdTest {

  private static final String SAMPLE_LOGIN = "alex.kim";

  // --- constructor ---------------------------------------------------------------------------

  @Test
  void new_whenMixedCaseAndSpaces_thenTrimmedAndLowerCase() {
    assertThat(new PersonId("  Alex.Kim ").value()).isEqualTo(SAMPLE_LOGIN);
  }

  @Test
  void new_whenDigitsDotsUnderscoresDashes_thenAccepted() {
    assertThat(new PersonId("a1_b-c.d").value()).isEqualTo("a1_b-c.d");
  }

  @Test
  void new_whenEmpty_thenRejectedNamingTheRules() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PersonId("   "))
        .withMessageContaining("is not a login");
  }

  @Test
  void new_whenStartsWithPunctuation_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PersonId(".alex"));
    assertThatIllegalArgumentException().isThrownBy(() -> new PersonId("-alex"));
  }

  @Test
  void new_whenInnerSpaceOrSlash_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PersonId("alex kim"));
    assertThatIllegalArgumentException().isThrownBy(() -> new PersonId("alex/kim"));
  }

  @Test
  void new_when128Characters_thenAccepted() {
    assertThat(new PersonId("a".repeat(128)).value()).hasSize(128);
  }

  @Test
  void new_when129Characters_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PersonId("a".repeat(129)));
  }

  // --- parse ---------------------------------------------------------------------------------

  @Test
  void parse_whenLogin_thenPresent() {
    assertThat(PersonId.parse("Alex.Kim")).contains(new PersonId(SAMPLE_LOGIN));
  }

  @Test
  void parse_whenNotALogin_thenEmpty() {
    assertThat(PersonId.parse("alex kim")).isEmpty();
    assertThat(PersonId.parse("")).isEmpty();
  }

  @Test
  void parse_whenNull_thenEmpty() {
    assertThat(PersonId.parse(null)).isEmpty();
  }

  // --- equality, order, toString ---------------------------------------------------------------

  @Test
  void equals_whenSpelledInAnotherCase_thenEqual() {
    assertThat(new PersonId("ALEX.KIM")).isEqualTo(new PersonId(SAMPLE_LOGIN))
        .hasSameHashCodeAs(new PersonId(SAMPLE_LOGIN));
  }

  @Test
  void compareTo_whenDifferentLogins_thenAlphabetical() {
    assertThat(new PersonId("alex.kim")).isLessThan(new PersonId("sam.patel"));
  }

  @Test
  void toString_whenPrinted_thenPrefixed() {
    assertThat(new PersonId(SAMPLE_LOGIN)).hasToString("person:alex.kim");
  }
}
