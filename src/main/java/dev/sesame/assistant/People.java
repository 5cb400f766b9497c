package dev.sesame.assistant;

import dev.sesame.approval.ApproverKind;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Names people the way messages mention them. */
@Component
class People {

  private final Directory directory;

  People(Directory directory) {
    this.directory = directory;
  }

  String name(PersonId id) {
    return directory.find(id).map(Person::displayName).orElse(id.value());
  }

  String names(Collection<PersonId> ids) {
    if (ids.isEmpty()) {
      return "nobody";
    }
    return ids.stream().sorted().map(this::name).collect(Collectors.joining(", "));
  }

  /** "your manager Priya Nair", "the app admins (Kenji Sato)", "the catalog admins (…)". */
  String approvers(ApproverKind kind, Collection<PersonId> ids) {
    return switch (kind) {
      case MANAGER -> "your manager " + names(ids);
      case APP_ADMIN -> "the app admins (" + names(ids) + ")";
      case FALLBACK -> ids.isEmpty()
          ? "the catalog admins (none is available yet; an admin will pick it up)"
          : "the catalog admins (" + names(ids) + ")";
    };
  }
}
