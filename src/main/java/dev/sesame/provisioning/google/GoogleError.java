package dev.sesame.provisioning.google;

import dev.sesame.provisioning.http.Response;
import tools.jackson.databind.JsonNode;

/**
 * Google's error body {@code {"error": {"code", "message", "errors": [{"reason", "message",
 * "domain"}]}}}, or the token endpoint's {@code {"error", "error_description"}}.
 */
record GoogleError(String reason, String message) {

  /** The error in this answer; its status alone when the body is neither form. */
  static GoogleError of(Response response) {
    JsonNode body = response.json();
    JsonNode error = body.path("error");
    if (error.isString()) {
      return new GoogleError(error.asString(), body.path("error_description").asString(""));
    }
    return new GoogleError(error.path("errors").path(0).path("reason").asString("HTTP " + response.status()),
        error.path("message").asString(""));
  }

  /** True for the reasons Google gives when it rate-limits (on 403 as well as 429). */
  boolean rateLimited() {
    return reason.equals("rateLimitExceeded") || reason.equals("userRateLimitExceeded")
        || reason.equals("quotaExceeded");
  }

  @Override
  public String toString() {
    return reason + (message.isEmpty() ? "" : ": " + message);
  }
}
