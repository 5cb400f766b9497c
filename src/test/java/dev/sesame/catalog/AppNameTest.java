package dev.sesame.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AppNameTest {

  private static final AppName SAMPLE_APP = new AppName("Figma");

  // --- constructor ---------------------------------------------------------------------------

  @Test
  void new_whenSurroundedBySpaces_thenStrippedAndSpellingKept() {
    assertThat(new AppName("  Adobe Creative Cloud ").value()).isEqualTo("Adobe Creative Cloud");
  }

  @Test
  void new_whenBlank_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new AppName(" \t "))
        .withMessage("the name is empty");
  }

  @Test
  void new_whenOneCharacter_thenAccepted() {
    assertThat(new AppName("X").value()).isEqualTo("X");
  }

  @Test
  void new_when128Characters_thenAccepted() {
    assertThat(new AppName("a".repeat(128)).value()).hasSize(AppName.MAX_LENGTH);
  }

  @Test
  void new_when129Characters_thenRejectedWithLength() {
    assertThatIllegalArgumentException().isThrownBy(() -> new AppName("a".repeat(129)))
        .withMessageContaining("129 characters").withMessageContaining("at most 128");
  }

  @Test
  void new_whenSlash_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new AppName("CI/CD"))
        .withMessageContaining("'/'");
  }

  @Test
  void new_whenControlCharacterInside_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new AppName("Fig\tma"))
        .withMessageContaining("control characters");
    assertThatIllegalArgumentException().isThrownBy(() -> new AppName("Fig\u0000ma"));
    assertThatIllegalArgumentException().isThrownBy(() -> new AppName("Fig\nma"));
  }

  @Test
  void new_whenPunctuationAndDigits_thenAccepted() {
    assertThat(new AppName("1Password").value()).isEqualTo("1Password");
    assertThat(new AppName("Miro (whiteboard) & co.").value()).isEqualTo("Miro (whiteboard) & co.");
  }

  // --- parse ---------------------------------------------------------------------------------

  @Test
  void parse_whenValid_thenPresent() {
    assertThat(AppName.parse(" Figma ")).contains(SAMPLE_APP);
  }

  @Test
  void parse_whenInvalid_thenEmpty() {
    assertThat(AppName.parse("")).isEmpty();
    assertThat(AppName.parse("a/b")).isEmpty();
    assertThat(AppName.parse(null)).isEmpty();
  }

  // --- key, sameAs, equality ------------------------------------------------------------------

  @Test
  void key_whenMixedCase_thenLowerCase() {
    assertThat(new AppName("GitHub Enterprise").key()).isEqualTo("github enterprise");
  }

  @Test
  void sameAs_whenOnlyCaseDiffers_thenTrue() {
    assertThat(SAMPLE_APP.sameAs(new AppName("FIGMA"))).isTrue();
  }

  @Test
  void sameAs_whenDifferentName_thenFalse() {
    assertThat(SAMPLE_APP.sameAs(new AppName("FigJam"))).isFalse();
  }

  @Test
  void equals_whenOnlyCaseDiffers_thenNotEqualBecauseSpellingIsKept() {
    assertThat(SAMPLE_APP).isNotEqualTo(new AppName("figma"));
    assertThat(SAMPLE_APP).isEqualTo(new AppName(" Figma"));
  }

  @Test
  void toString_whenPrinted_thenPrefixed() {
    assertThat(SAMPLE_APP).hasToString("app:Figma");
  }
}
