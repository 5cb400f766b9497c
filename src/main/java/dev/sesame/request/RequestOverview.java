package dev.sesame.request;

import dev.sesame.audit.AuditEvent;
import dev.sesame.audit.AuditLog;
import dev.sesame.audit.AuditQuery;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Requests as the console shows them: with the names of the people involved and, for one request,
 * everything the audit log recorded about it. Lists and single requests are for catalog admins;
 * the approvals list is every approver's own.
 */
@Component
public class RequestOverview {

  private final Requests requests;
  private final RequestRepository repository;
  private final AuditLog audit;
  private final Directory directory;
  private final CatalogAdmins admins;

  RequestOverview(Requests requests, RequestRepository repository, AuditLog audit, Directory directory,
      CatalogAdmins admins) {
    this.requests = requests;
    this.repository = repository;
    this.audit = audit;
    this.directory = directory;
    this.admins = admins;
  }

  /**
   * Requests with the display names of their requesters and approvers.
   *
   * @param more true when more requests match than were returned
   * @param names display names by login; a login the directory does not know is missing
   */
  public record Listing(List<AccessRequest> requests, boolean more, Map<PersonId, String> names) {}

  /** One request, what the audit log says about it (oldest first) and the names of the people involved. */
  public record Detail(AccessRequest request, List<AuditEvent> events, Map<PersonId, String> names) {}

  /** For catalog admins: the requests matching the search, newest first. */
  public Listing list(PersonId viewer, RequestSearch search) {
    List<AccessRequest> found = requests.search(viewer, new RequestSearch(search.state(), search.app(),
        search.requester(), search.from(), search.to(), search.limit() + 1));
    List<AccessRequest> shown = found.size() > search.limit() ? found.subList(0, search.limit()) : found;
    return new Listing(List.copyOf(shown), found.size() > shown.size(), names(shown));
  }

  /** The requests waiting for the viewer's decision, oldest first. */
  public Listing waitingFor(PersonId viewer) {
    List<AccessRequest> waiting = requests.waitingFor(viewer);
    return new Listing(waiting, false, names(waiting));
  }

  /** For catalog admins: one request with its audit trail; 404 when there is no such request. */
  public Detail detail(PersonId viewer, RequestId id) {
    admins.require(viewer);
    AccessRequest request = repository.find(id)
        .orElseThrow(() -> new NotFoundException("there is no request " + id));
    List<AuditEvent> events = new ArrayList<>(audit.search(AuditQuery.about("request:" + id)));
    Collections.reverse(events);
    return new Detail(request, List.copyOf(events), names(List.of(request)));
  }

  private Map<PersonId, String> names(Collection<AccessRequest> found) {
    TreeSet<PersonId> people = new TreeSet<>();
    found.forEach(r -> {
      people.add(r.requester());
      r.stages().forEach(s -> people.addAll(s.approvers()));
      r.decisions().forEach(d -> people.add(d.approver()));
    });
    Map<PersonId, String> names = new TreeMap<>();
    people.forEach(p -> directory.find(p).map(Person::displayName).ifPresent(name -> names.put(p, name)));
    return names;
  }
}
