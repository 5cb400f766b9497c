package dev.sesame.provisioning.okta;

import dev.sesame.provisioning.http.Response;
import tools.jackson.databind.JsonNode;

/**
 * Okta's error body: {@code {errorCode, errorSummary, errorLink, errorId, errorCauses}}, e.g.
 * {@code E0000007} not found, {@code E0000011} invalid token, {@code E0000006} access denied,
 * {@code E0000047} rate limit exceeded.
 */
record OktaError(String code, String summary, String id) {

  /** The error in this answer; its status alone when the body is not Okta's. */
  static OktaError of(Response response) {
    JsonNode body = response.json();
    StringBuilder summary = new StringBuilder(body.path("errorSummary").asString("HTTP " + response.status()));
    for (JsonNode cause : body.path("errorCauses")) {
      summary.append("; ").append(cause.path("errorSummary").asString(""));
    }
    return new OktaError(body.path("errorCode").asString("HTTP " + response.status()), summary.toString(),
        body.path("errorId").asString(""));
  }

  @Override
  public String toString() {
    return code + ": " + summary + (id.isEmpty() ? "" : " [errorId " + id + "]");
  }
}
