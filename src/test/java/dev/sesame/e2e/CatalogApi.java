package dev.sesame.e2e;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The catalog API as an admin uses it: read an app, edit its entry, save it over the version read.
 * Entries are the plain maps and lists of the JSON form, so a test edits them as an admin edits
 * the JSON.
 */
final class CatalogApi {

  private static final String APPLICATION_YAML = "application/yaml";
  private static final RestAssuredConfig YAML_AS_TEXT = RestAssuredConfig.config()
      .encoderConfig(EncoderConfig.encoderConfig().encodeContentTypeAs(APPLICATION_YAML, ContentType.TEXT));
  private static final YAMLMapper YAML = new YAMLMapper();

  private final RunningSesame sesame;
  private final String login;

  CatalogApi(RunningSesame sesame, String login) {
    this.sesame = sesame;
    this.login = login;
  }

  /** The app as the API returns it: version, change description, who, when, archived, app. */
  Map<String, Object> read(String app) {
    return sesame.as(login).get("/api/apps/{name}", app).then().statusCode(200).extract().path("$");
  }

  /** The app's current version number. */
  int version(String app) {
    return (Integer) read(app).get("version");
  }

  /** Reads the app, lets {@code edit} change its entry, and saves it over the version read. */
  Map<String, Object> change(String app, String description, Consumer<Map<String, Object>> edit) {
    Response response = tryChange(app, description, edit);
    response.then().statusCode(200);
    return response.path("$");
  }

  /** As {@link #change}, returning the response whatever it is. */
  Response tryChange(String app, String description, Consumer<Map<String, Object>> edit) {
    Map<String, Object> current = read(app);
    @SuppressWarnings("unchecked")
    Map<String, Object> entry = (Map<String, Object>) current.get("app");
    edit.accept(entry);
    return put(app, (Integer) current.get("version"), description, entry);
  }

  /** PUT /api/apps/{app} with this version, description and entry. */
  Response put(String app, int version, String description, Map<String, Object> entry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    body.put("changeDescription", description);
    body.put("app", entry);
    return sesame.as(login).body(body).put("/api/apps/{name}", app);
  }

  /** POST /api/apps with this description and entry. */
  Response create(String description, Map<String, Object> entry) {
    return sesame.as(login).body(Map.of("changeDescription", description, "app", entry)).post("/api/apps");
  }

  /** The whole current catalog as YAML. */
  String export() {
    return sesame.as(login).accept(APPLICATION_YAML).get("/api/catalog/export")
        .then().statusCode(200).extract().asString();
  }

  /** POST /api/catalog/import with this document, as a dry run or for real. */
  Response importYaml(String yaml, boolean dryRun) {
    return importYaml(yaml, dryRun, "");
  }

  /** POST /api/catalog/import with this document and change description. */
  Response importYaml(String yaml, boolean dryRun, String description) {
    return sesame.as(login).config(YAML_AS_TEXT).contentType(APPLICATION_YAML).body(yaml)
        .queryParam("dryRun", dryRun).queryParam("description", description).post("/api/catalog/import");
  }

  // ---------------------------------------------------------------------------------------------
  // Editing entries and documents

  /** The entry's strategy, to edit in place. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> strategy(Map<String, Object> entry) {
    return (Map<String, Object>) entry.get("strategy");
  }

  /** The entry's aliases, to edit in place. */
  @SuppressWarnings("unchecked")
  static List<Object> aliases(Map<String, Object> entry) {
    return (List<Object>) entry.get("aliases");
  }

  /** The entry's roles, to edit in place. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> roles(Map<String, Object> entry) {
    return (List<Map<String, Object>>) strategy(entry).get("roles");
  }

  /** The document with {@code alias} added to the app named {@code app}. */
  static String withAlias(String yaml, String app, String alias) {
    return edit(yaml, document -> app(document, app).withArray("aliases").add(alias));
  }

  /** The document as {@code edit} changes it. */
  static String edit(String yaml, Consumer<ObjectNode> edit) {
    ObjectNode document = (ObjectNode) YAML.readTree(yaml);
    edit.accept(document);
    return YAML.writeValueAsString(document);
  }

  /** The entry of the app named {@code app} in a document, to edit in place. */
  static ObjectNode app(ObjectNode document, String app) {
    for (JsonNode entry : document.get("apps")) {
      if (entry.get("name").asString().equals(app)) {
        return (ObjectNode) entry;
      }
    }
    throw new IllegalArgumentException("the document has no app " + app);
  }

  /** The position of the app named {@code app} in a document. */
  static int indexOf(String yaml, String app) {
    JsonNode apps = YAML.readTree(yaml).get("apps");
    for (int i = 0; i < apps.size(); i++) {
      if (apps.get(i).get("name").asString().equals(app)) {
        return i;
      }
    }
    throw new IllegalArgumentException("the document has no app " + app);
  }
}
