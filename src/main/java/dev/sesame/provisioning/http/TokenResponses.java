package dev.sesame.provisioning.http;

import dev.sesame.provisioning.ConnectorRefusedException;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import tools.jackson.databind.JsonNode;

/** Reads an OAuth 2.0 token response (RFC 6749 §5.1) the same way for every connector. */
public final class TokenResponses {

  private TokenResponses() {}

  /**
   * The {@code access_token} of a successful token response. A 200 without one means the URL
   * does not point at the vendor's token endpoint: it is refused as a configuration problem, so
   * "Test connection" never reports success with an empty bearer token.
   */
  public static String accessToken(JsonNode body, ProvisioningSystemId system) {
    String token = body.path("access_token").asString("");
    if (token.isBlank()) {
      throw new ConnectorRefusedException(Refusal.INVALID_CONFIGURATION, system.value()
          + "'s token endpoint answered without an access_token; check that its URL points at the identity"
          + " provider's token endpoint");
    }
    return token;
  }
}
