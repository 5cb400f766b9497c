package dev.sesame.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

  private static final String SAMPLE_QUESTION = "Can I get Figma?";

  // --- of ------------------------------------------------------------------------------------

  @Test
  void of_whenSentence_thenLowerCaseWordsWithoutPunctuation() {
    assertThat(Words.of(SAMPLE_QUESTION)).containsExactly("can", "i", "get", "figma");
  }

  @Test
  void of_whenDashInsideWord_thenKept() {
    assertThat(Words.of("Adobe Creative-Cloud!")).containsExactly("adobe", "creative-cloud");
  }

  @Test
  void of_whenPlusAndInnerDots_thenKept() {
    assertThat(Words.of("C++ and node.js, v1.2")).containsExactly("c++", "and", "node.js", "v1.2");
  }

  @Test
  void of_whenLeadingOrTrailingDotsDashesQuotes_thenStripped() {
    assertThat(Words.of("...figma... 'quoted' -gh- end.")).containsExactly("figma", "quoted", "gh", "end");
  }

  @Test
  void of_whenAccents_thenRemoved() {
    assertThat(Words.of("Café Résumé Zürich")).containsExactly("cafe", "resume", "zurich");
  }

  @Test
  void of_whenTypographicApostrophe_thenPlainApostrophe() {
    assertThat(Words.of("I’m new")).containsExactly("i'm", "new");
  }

  @Test
  void of_whenOnlyPunctuationOrEmpty_thenNoWords() {
    assertThat(Words.of("?!  ... --")).isEmpty();
    assertThat(Words.of("")).isEmpty();
  }

  @Test
  void of_whenTabsAndNewLines_thenSplit() {
    assertThat(Words.of("need\tgh\naccess")).containsExactly("need", "gh", "access");
  }

  // --- phrase --------------------------------------------------------------------------------

  @Test
  void phrase_whenMixedText_thenNormalisedWordsJoinedBySpaces() {
    assertThat(Words.phrase("Adobe  Creative-Cloud!")).isEqualTo("adobe creative-cloud");
  }

  @Test
  void phrase_whenEmpty_thenEmpty() {
    assertThat(Words.phrase(" ? ")).isEmpty();
  }

  // --- stem ----------------------------------------------------------------------------------

  @Test
  void stem_whenEngineerForms_thenTheyMeet() {
    assertThat(Words.stem("engineers")).isEqualTo("engine");
    assertThat(Words.stem("engineering")).isEqualTo("engine");
    assertThat(Words.stem("engineer")).isEqualTo("engine");
  }

  @Test
  void stem_whenPluralOrPastTense_thenSuffixRemoved() {
    assertThat(Words.stem("leads")).isEqualTo("lead");
    assertThat(Words.stem("pushed")).isEqualTo("push");
    assertThat(Words.stem("branches")).isEqualTo("branch");
  }

  @Test
  void stem_whenShortWord_thenUnchanged() {
    assertThat(Words.stem("docs")).isEqualTo("docs");
    assertThat(Words.stem("uses")).isEqualTo("uses");
    assertThat(Words.stem("red")).isEqualTo("red");
    assertThat(Words.stem("code")).isEqualTo("code");
  }
}
