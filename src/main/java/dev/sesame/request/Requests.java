package dev.sesame.request;

import dev.sesame.approval.Delegations;
import dev.sesame.catalog.AppName;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads requests for a viewer: their own, those they approve, and all of them for catalog admins.
 * A request the viewer may not see is answered exactly like one that does not exist.
 */
@Component
public class Requests {

  private final RequestRepository repository;
  private final CatalogAdmins admins;
  private final Delegations delegations;
  private final GrantRepository grants;

  Requests(RequestRepository repository, CatalogAdmins admins, Delegations delegations, GrantRepository grants) {
    this.repository = repository;
    this.admins = admins;
    this.delegations = delegations;
    this.grants = grants;
  }

  /** The request, if the viewer is its requester, one of its approvers or a catalog admin. */
  public AccessRequest get(RequestId id, PersonId viewer) {
    return repository.find(id)
        .filter(r -> r.requester().equals(viewer) || r.isApprover(viewer) || admins.includes(viewer)
            || delegations.decidingFor(viewer).stream().anyMatch(r::isApprover))
        .orElseThrow(() -> new NotFoundException("there is no request " + id + " that you can see"));
  }

  /** The viewer's own requests, newest first. */
  public List<AccessRequest> mine(PersonId viewer) {
    return repository.byRequester(viewer, 50);
  }

  /**
   * The requests waiting for the viewer's decision, oldest first: as an approver, and as the
   * delegate of approvers away (never the viewer's own requests).
   */
  public List<AccessRequest> waitingFor(PersonId viewer) {
    Map<RequestId, AccessRequest> out = new LinkedHashMap<>();
    repository.waitingFor(viewer).forEach(r -> out.put(r.id(), r));
    for (PersonId principal : delegations.decidingFor(viewer)) {
      repository.waitingFor(principal).stream()
          .filter(r -> !r.requester().equals(viewer) && r.undecidedApprovers().contains(principal))
          .forEach(r -> out.putIfAbsent(r.id(), r));
    }
    return out.values().stream().sorted(java.util.Comparator.comparing(AccessRequest::createdAt)).toList();
  }

  /** The viewer's grants, current and ended, newest first. */
  public List<Grant> grants(PersonId viewer) {
    return grants.of(viewer);
  }

  /** The grant of a fulfilled request, if it created one. */
  public java.util.Optional<Grant> grantOf(RequestId request) {
    return grants.byRequest(request);
  }

  /** The grant with this id. */
  public java.util.Optional<Grant> grant(GrantId id) {
    return grants.find(id);
  }

  /** For catalog admins: every request matching the filters, newest first. */
  public List<AccessRequest> search(PersonId viewer, @Nullable String state, @Nullable String app,
      @Nullable String requester, int limit) {
    admins.require(viewer);
    String wanted = blankToNull(state);
    String appName = blankToNull(app);
    String login = blankToNull(requester);
    return search(viewer, new RequestSearch(
        wanted == null ? null : parse(wanted),
        appName == null ? null : AppName.parse(appName).orElseThrow(() -> new InvalidInputException("app", "is not an app name")),
        login == null ? null : PersonId.parse(login).orElseThrow(() -> new InvalidInputException("person", "is not a login")),
        null, null, limit));
  }

  /** For catalog admins: every request matching the search, newest first. */
  public List<AccessRequest> search(PersonId viewer, RequestSearch search) {
    admins.require(viewer);
    return repository.search(search);
  }

  private static RequestState parse(String state) {
    try {
      return RequestState.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("state", "is not one of " + java.util.Arrays.toString(RequestState.values()));
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
