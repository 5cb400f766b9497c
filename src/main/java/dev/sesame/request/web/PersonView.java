package dev.sesame.request.web;

import dev.sesame.directory.PersonId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A person as pages name them: the directory's display name (the login when it has none) and the login. */
record PersonView(String name, String login) {

  static PersonView of(PersonId id, Map<PersonId, String> names) {
    return new PersonView(names.getOrDefault(id, id.value()), id.value());
  }

  static List<PersonView> all(Collection<PersonId> ids, Map<PersonId, String> names) {
    return ids.stream().sorted().map(id -> of(id, names)).toList();
  }
}
