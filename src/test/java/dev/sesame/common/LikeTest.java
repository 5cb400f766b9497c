package dev.sesame.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikeTest {

  @Test
  void escape_whenTextHasWildcards_thenEachIsEscaped() {
    assertThat(Like.escape("50%_off\\now")).isEqualTo("50\\%\\_off\\\\now");
  }

  @Test
  void escape_whenTextIsPlain_thenUnchanged() {
    assertThat(Like.escape("corp-ldap")).isEqualTo("corp-ldap");
  }

  @Test
  void containing_whenText_thenLowerCasedStrippedAndWrapped() {
    assertThat(Like.containing("  Welcome_Aboard ")).isEqualTo("%welcome\\_aboard%");
  }

  @Test
  void containing_whenEmpty_thenMatchesEverything() {
    assertThat(Like.containing("")).isEqualTo("%%");
  }
}
