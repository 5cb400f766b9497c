package dev.sesame.catalog;

import dev.sesame.common.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** The catalog's YAML form: the approval policies admins wrote under {@code policies}, every entry under {@code apps}. */
final class CatalogYaml {

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      // NB. Without this, an alias such as "365" or a login such as "1234" is written bare and
      // reads back as a number, so an exported catalog would not import again.
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
      .build();

  private CatalogYaml() {}

  /** The parsed document, or a {@link FieldError} on {@code yaml} with the line and column. */
  static JsonNode parse(String text) {
    try {
      JsonNode node = YAML.readTree(text);
      if (node == null || node.isMissingNode() || node.isNull()) {
        throw new Invalid(new FieldError("yaml", "the document is empty; it needs a list under 'apps'"));
      }
      return node;
    } catch (JacksonException e) {
      var at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new Invalid(new FieldError("yaml", where + e.getOriginalMessage()));
    }
  }

  static String write(List<dev.sesame.approval.ApprovalPolicy> policies, List<CatalogEntry> entries) {
    Map<String, Object> document = new LinkedHashMap<>();
    if (!policies.isEmpty()) {
      document.put("policies", policies.stream().map(PolicyCodec::write).toList());
    }
    document.put("apps", entries.stream().map(CatalogCodec::write).toList());
    return YAML.writeValueAsString(document);
  }

  /** The text is not YAML at all. */
  static final class Invalid extends RuntimeException {
    final FieldError error;

    Invalid(FieldError error) {
      super(error.reason());
      this.error = error;
    }
  }
}
