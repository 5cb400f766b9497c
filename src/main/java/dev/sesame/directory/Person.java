package dev.sesame.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A person as the directory describes them.
 *
 * @param groups the common names of the groups they belong to directly, lower case
 * @param active false when the directory marks the account as disabled
 */
public record Person(
    PersonId id,
    String email,
    String displayName,
    String title,
    String department,
    String location,
    String country,
    EmploymentType employmentType,
    @Nullable PersonId manager,
    Set<String> groups,
    boolean active) {

  public Person {
    groups = Set.copyOf(groups);
  }

  /** The person's manager, when they have one. */
  public Optional<PersonId> managerId() {
    return Optional.ofNullable(manager);
  }

  /** The attributes access rules see as {@code user.*}. */
  public Map<String, Object> attributes() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("login", id.value());
    attributes.put("email", email);
    attributes.put("displayName", displayName);
    attributes.put("title", title);
    attributes.put("department", department);
    attributes.put("location", location);
    attributes.put("country", country);
    attributes.put("employmentType", employmentType.label());
    attributes.put("manager", manager == null ? "" : manager.value());
    attributes.put("groups", List.copyOf(new TreeSet<>(groups)));
    attributes.put("active", active);
    return attributes;
  }
}
