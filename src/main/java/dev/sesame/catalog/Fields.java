package dev.sesame.catalog;

import dev.sesame.common.FieldError;
import dev.sesame.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON/YAML object under a path, collecting every error instead of
 * stopping at the first, and refusing keys it does not know.
 */
final class Fields {

  private final JsonNode node;
  private final String path;
  private final List<FieldError> errors;

  Fields(JsonNode node, String path, List<FieldError> errors, Set<String> allowedKeys) {
    this.node = node;
    this.path = path;
    this.errors = errors;
    for (String key : node.propertyNames()) {
      if (!allowedKeys.contains(key)) {
        errors.add(new FieldError(at(key), "unknown field; allowed are " + String.join(", ", allowedKeys)));
      }
    }
  }

  String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void error(String key, String reason) {
    errors.add(new FieldError(at(key), reason));
  }

  Optional<JsonNode> node(String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** A required text; absent or blank is an error. */
  Optional<String> text(String key, int maxLength) {
    if (node(key).isEmpty()) {
      error(key, "is required");
      return Optional.empty();
    }
    Optional<String> value = optionalText(key, maxLength);
    if (value.isPresent() && value.get().isBlank()) {
      error(key, "must not be blank");
      return Optional.empty();
    }
    return value;
  }

  /** An optional text; present but not text, or too long, is an error. */
  Optional<String> optionalText(String key, int maxLength) {
    Optional<JsonNode> value = node(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    JsonNode v = value.get();
    if (!v.isString()) {
      error(key, "must be text");
      return Optional.empty();
    }
    String text = v.asString();
    Optional<String> problem = Texts.problem(text);
    if (problem.isPresent()) {
      error(key, problem.get());
      return Optional.empty();
    }
    if (text.length() > maxLength) {
      error(key, "has " + text.length() + " characters; at most " + maxLength + " are allowed");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** A required value parsed by a value type's constructor; its message becomes the reason. */
  <T> Optional<T> value(String key, int maxLength, Function<String, T> parser) {
    return text(key, maxLength).flatMap(text -> parse(key, text, parser));
  }

  <T> Optional<T> parse(String key, String text, Function<String, T> parser) {
    try {
      return Optional.of(parser.apply(text));
    } catch (IllegalArgumentException e) {
      error(key, e.getMessage());
      return Optional.empty();
    }
  }

  boolean bool(String key, boolean defaultValue) {
    Optional<JsonNode> value = node(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    if (!value.get().isBoolean()) {
      error(key, "must be true or false");
      return defaultValue;
    }
    return value.get().booleanValue();
  }

  /** The elements of an optional list; not a list is an error. */
  List<JsonNode> list(String key, int maxSize) {
    Optional<JsonNode> value = node(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!value.get().isArray()) {
      error(key, "must be a list");
      return List.of();
    }
    if (value.get().size() > maxSize) {
      error(key, "has " + value.get().size() + " entries; at most " + maxSize + " are allowed");
      return List.of();
    }
    return new ArrayList<>(value.get().values());
  }

  static Optional<Fields> nested(JsonNode value, String path, List<FieldError> errors, Set<String> keys) {
    if (!value.isObject()) {
      errors.add(new FieldError(path, "must be an object"));
      return Optional.empty();
    }
    return Optional.of(new Fields(value, path, errors, keys));
  }
}
