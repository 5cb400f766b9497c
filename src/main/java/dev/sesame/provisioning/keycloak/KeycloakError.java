package dev.sesame.provisioning.keycloak;

import dev.sesame.provisioning.http.Response;
import tools.jackson.databind.JsonNode;

/**
 * Keycloak's error bodies: {@code {"error", "error_description"}} (tokens, not-found) or {@code
 * {"errorMessage"}} (validation, conflicts); the status alone when the body is neither.
 */
record KeycloakError(String error, String description) {

  static KeycloakError of(Response response) {
    JsonNode body = response.json();
    String error = body.path("error").asString(body.path("errorMessage").asString("HTTP " + response.status()));
    return new KeycloakError(error, body.path("error_description").asString(""));
  }

  @Override
  public String toString() {
    return error + (description.isEmpty() ? "" : ": " + description);
  }
}
