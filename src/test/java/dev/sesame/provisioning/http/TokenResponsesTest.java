package dev.sesame.provisioning.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sesame.provisioning.ConnectorRefusedException;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TokenResponsesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ProvisioningSystemId SYSTEM = new ProvisioningSystemId("entra-prod");

  @Test
  void accessToken_whenTheAnswerHasOne_thenIt() {
    assertThat(TokenResponses.accessToken(JSON.readTree("{\"token_type\":\"Bearer\",\"access_token\":\"eyJ.x\"}"), SYSTEM))
        .isEqualTo("eyJ.x");
  }

  @Test
  void accessToken_whenA200CarriesNone_thenAConfigurationRefusalNamingTheSystem() {
    for (String body : new String[] {"{}", "{\"access_token\":\"\"}", "{\"access_token\":null}", "[]"}) {
      assertThatThrownBy(() -> TokenResponses.accessToken(JSON.readTree(body), SYSTEM))
          .isInstanceOfSatisfying(ConnectorRefusedException.class, e -> {
            assertThat(e.refusal()).isEqualTo(Refusal.INVALID_CONFIGURATION);
            assertThat(e.getMessage()).contains("entra-prod", "access_token");
          });
    }
  }
}
