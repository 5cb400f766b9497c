package dev.sesame.provisioning.web;

import dev.sesame.common.FieldError;
import dev.sesame.provisioning.ConnectorFactory;
import dev.sesame.provisioning.ProvisioningSystem;
import dev.sesame.provisioning.SettingField;
import dev.sesame.provisioning.TestConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the system editor shows: the form, the selected kind's settings as inputs with their errors,
 * the kinds to choose from, and the result of a connection test.
 *
 * @param systemName the system being edited; empty when creating one
 * @param general errors that belong to no input (e.g. a stale version)
 */
record SystemEditorView(
    String systemName,
    SystemForm form,
    List<KindOption> kinds,
    List<FieldView> fields,
    Map<String, String> errors,
    List<String> general,
    TestConnection.@Nullable Result test) {

  /** A kind to choose from. */
  record KindOption(String kind, String displayName) {}

  /**
   * One setting as an input.
   *
   * @param value the entered value; always empty for a secret
   * @param secretSet true when a secret is stored for it (shown as "•••••• (set)")
   * @param fromDirectory true when the system takes it from the directory connection
   */
  record FieldView(String name, String label, String type, List<String> options, String value, String defaultValue,
      String help, boolean secretSet, boolean fromDirectory, String error) {

    /** The id of the input. */
    public String id() {
      return "s-" + name;
    }

    /** The name the input posts. */
    public String param() {
      return SystemForm.SETTING + name;
    }

    /** True when this input has an error. */
    public boolean invalid() {
      return !error.isEmpty();
    }
  }

  static SystemEditorView of(String systemName, SystemForm form, List<ConnectorFactory> factories,
      Optional<ProvisioningSystem> stored, List<FieldError> errors, TestConnection.@Nullable Result test) {
    Map<String, String> byField = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    ConnectorFactory factory = factories.stream().filter(f -> f.kind().equals(form.kind())).findFirst()
        .orElse(factories.get(0));
    Set<String> settingNames = factory.fields().stream().map(SettingField::name).collect(Collectors.toSet());
    for (FieldError error : errors) {
      String field = settingNames.contains(error.field()) ? SystemForm.SETTING + error.field() : error.field();
      if (field.startsWith(SystemForm.SETTING) || field.equals("name") || field.equals("kind")) {
        byField.merge(field, sentence(error.reason()), (a, b) -> a + "; " + b);
      } else {
        general.add(error.field().equals("version") ? "Someone else saved this system meanwhile: " + error.reason()
            .replaceFirst("^is stale: ", "") : (error.field().isEmpty() ? "" : error.field() + ": ") + error.reason());
      }
    }
    Set<String> secretsSet = stored.map(ProvisioningSystem::secretsSet).orElse(Set.of());
    List<FieldView> fields = factory.fields().stream().map(f -> new FieldView(f.name(), f.label(),
        f.type().name().toLowerCase(Locale.ROOT), f.options(),
        f.secret() ? "" : form.value(f.name()), f.defaultValue(),
        f.help(), secretsSet.contains(f.name()),
        form.followsDirectory() && List.of("url", "bind-dn", "bind-password").contains(f.name()),
        byField.getOrDefault(SystemForm.SETTING + f.name(), ""))).toList();
    List<KindOption> kinds = factories.stream().map(f -> new KindOption(f.kind(), f.displayName())).toList();
    return new SystemEditorView(systemName, form, kinds, fields, byField, general, test);
  }

  /** True when creating a new system. */
  public boolean creating() {
    return systemName.isEmpty();
  }

  /** True when this input (name, kind) has an error. */
  public boolean has(String field) {
    return errors.containsKey(field);
  }

  /** The errors of this input. */
  public String error(String field) {
    return errors.getOrDefault(field, "");
  }

  /** How many problems there are. */
  public int count() {
    return errors.size() + general.size();
  }

  // The factories' reasons follow a setting's name ("is required, …"); next to the input they stand alone.
  private static String sentence(String reason) {
    String text = reason.startsWith("is ") ? reason.substring(3) : reason;
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
