package dev.sesame.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** People as the directory would describe them, for tests. */
public final class People {

  private People() {}

  /**
   * An active person in Berlin, Germany, member of {@code dept-<department>}; {@code manager} is a
   * login or null.
   */
  public static Person employee(String login, String department, EmploymentType type, @Nullable String manager) {
    return new Person(new PersonId(login), login + "@brightwave.example", displayName(login), "Specialist",
        department, "Berlin", "DE", type, manager == null ? null : new PersonId(manager),
        Set.of("dept-" + department.toLowerCase(Locale.ROOT)), true);
  }

  /** A full-time employee with a manager. */
  public static Person employee(String login, String department, String manager) {
    return employee(login, department, EmploymentType.FULL_TIME, manager);
  }

  /** The same person, also in these groups. */
  public static Person withGroups(Person person, String... groups) {
    Set<String> all = new HashSet<>(person.groups());
    all.addAll(List.of(groups));
    return new Person(person.id(), person.email(), person.displayName(), person.title(), person.department(),
        person.location(), person.country(), person.employmentType(), person.manager(), all, person.active());
  }

  /** The same person, working from another country. */
  public static Person withCountry(Person person, String country) {
    return new Person(person.id(), person.email(), person.displayName(), person.title(), person.department(),
        person.location(), country, person.employmentType(), person.manager(), person.groups(), person.active());
  }

  private static String displayName(String login) {
    StringBuilder name = new StringBuilder();
    for (String part : login.split("\\.")) {
      if (!part.isEmpty()) {
        name.append(name.length() == 0 ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.toString();
  }
}
