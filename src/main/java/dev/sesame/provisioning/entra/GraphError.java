package dev.sesame.provisioning.entra;

import dev.sesame.provisioning.http.Response;
import tools.jackson.databind.JsonNode;

/**
 * Microsoft Graph's error body {@code {"error": {"code", "message", "innerError": {"request-id",
 * "date"}}}}, or the token endpoint's {@code {"error", "error_description"}}.
 */
record GraphError(String code, String message, String requestId) {

  /** The error in this answer; its status alone when the body is neither form. */
  static GraphError of(Response response) {
    JsonNode body = response.json();
    JsonNode error = body.path("error");
    if (error.isString()) {
      return new GraphError(error.asString(), body.path("error_description").asString(""), "");
    }
    return new GraphError(error.path("code").asString("HTTP " + response.status()),
        error.path("message").asString(""), error.path("innerError").path("request-id").asString(""));
  }

  @Override
  public String toString() {
    return code + (message.isEmpty() ? "" : ": " + message) + (requestId.isEmpty() ? "" : " [request-id " + requestId + "]");
  }
}
