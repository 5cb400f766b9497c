package dev.sesame.provisioning;

import java.util.List;

/**
 * One setting of a kind of system, as the console shows it.
 *
 * @param name the setting's key, e.g. {@code bind-dn}
 * @param label what the console calls it
 * @param type how it is entered
 * @param options the allowed values of a {@link Type#CHOICE}; empty otherwise
 * @param defaultValue the value when it is not set; empty for none
 * @param help one sentence under the input
 */
public record SettingField(String name, String label, Type type, List<String> options, String defaultValue,
    String help) {

  /** How a setting is entered. */
  public enum Type {
    /** One line of text. */
    TEXT,
    /** A secret: write-only, encrypted at rest, never shown again. */
    SECRET,
    /** One of a few values. */
    CHOICE,
    /** On or off ({@code true} or {@code false}). */
    FLAG
  }

  /** True when this setting is a secret. */
  public boolean secret() {
    return type == Type.SECRET;
  }
}
