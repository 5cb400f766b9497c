package dev.sesame.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a person is employed; access rules and approval flows depend on it. */
public enum EmploymentType {
  /** A permanent employee. */
  FULL_TIME("full-time"),
  /** An external contractor. */
  CONTRACTOR("contractor"),
  /** An intern or working student. */
  INTERN("intern");

  private final String label;

  EmploymentType(String label) {
    this.label = label;
  }

  /** The directory's spelling, also what access rules compare against. */
  public String label() {
    return label;
  }

  /** Reads the directory's spelling, ignoring case and '_' versus '-'. */
  public static Optional<EmploymentType> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    return Arrays.stream(values()).filter(t -> t.label.equals(wanted)).findFirst();
  }
}
