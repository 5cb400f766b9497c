package dev.sesame.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void maskSecrets_whenAnErrorCarriesCredentials_thenTheirValuesAreMaskedAndTheRestKept() {
    String error = "okta1 refused (403 E0000006): password=hunter2 token=abc, api-key: k-123; Authorization: SSWS 00aBc";

    assertThat(Texts.maskSecrets(error))
        .isEqualTo("okta1 refused (403 E0000006): password=**** token=****, api-key: ****; Authorization: SSWS ****")
        .doesNotContain("hunter2", "abc,", "k-123", "00aBc");
  }

  @Test
  void maskSecrets_whenNothingLooksLikeACredential_thenUnchanged() {
    String error = "corp-ldap could not add alex.kim to cn=figma-users: insufficient access rights";

    assertThat(Texts.maskSecrets(error)).isEqualTo(error);
  }

  @Test
  void require_whenControlCharacters_thenRefusedNamingTheField() {
    assertThatThrownBy(() -> Texts.require("comment", "ok\u0000no"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("comment");
  }
}
