package dev.sesame.provisioning.scim;

import dev.sesame.provisioning.http.Response;
import tools.jackson.databind.JsonNode;

/**
 * SCIM's error body (RFC 7644 §3.12): {@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
 * "status": "400", "scimType": "noTarget", "detail": "…"}}; the status alone when the body is not one.
 */
record ScimError(String scimType, String detail) {

  /** The error in this answer. */
  static ScimError of(Response response) {
    JsonNode body = response.json();
    return new ScimError(body.path("scimType").asString(""), body.path("detail").asString(""));
  }

  @Override
  public String toString() {
    String type = scimType.isEmpty() ? "" : scimType;
    return type + (type.isEmpty() || detail.isEmpty() ? "" : ": ") + detail;
  }
}
