package dev.sesame.assistant;

import dev.sesame.approval.ApproverSource;
import dev.sesame.approval.Stage;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Names people the way messages mention them. */
@Component
class People {

  private final Directory directory;
  private final CatalogAdmins catalogAdmins;

  People(Directory directory, CatalogAdmins catalogAdmins) {
    this.directory = directory;
    this.catalogAdmins = catalogAdmins;
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

  /**
   * Who a stage waits for, as the requester reads it: "your manager Priya Nair", "the app admins
   * (Kenji Sato)", "2 of Security review (A, B, C)"; when fallback approvers stand in, why.
   */
  /** A reason the planner gave, said to the requester. */
  static String yours(String reason) {
    return reason.replace("the manager of the requester", "your manager")
        .replace("the requester has", "you have")
        .replace("the requester is", "you are")
        .replace("the requester", "you");
  }

  String approvers(Stage stage) {
    String names = names(stage.approvers());
    String quorum = stage.required() > 1 ? stage.required() + " of " : "";
    if (stage.fellBack()) {
      if (stage.approvers().isEmpty()) {
        return "an admin (nobody is left to approve: " + yours(stage.fallback()) + ")";
      }
      String who = catalogAdmins.members().containsAll(stage.approvers())
          ? "the catalog admins (" + names + ")" : names;
      return quorum + who + ", standing in because " + yours(stage.fallback());
    }
    if (stage.sources().equals(List.of(new ApproverSource.Manager()))) {
      return "your manager " + names;
    }
    if (stage.sources().equals(List.of(new ApproverSource.AppAdmins()))) {
      return quorum + "the app admins (" + names + ")";
    }
    return quorum + stage.name() + " (" + names + ")";
  }
}
