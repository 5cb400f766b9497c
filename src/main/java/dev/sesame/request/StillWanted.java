package dev.sesame.request;

import dev.sesame.catalog.Catalog;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether an open request can still be granted, as things are now: its requester active in the
 * directory (read fresh, never from a cache) and its app, role, group and system still as it
 * asked ({@link Dependencies}). Asked before a decision and an override is recorded.
 */
@Component
class StillWanted {

  private final Directory directory;
  private final Catalog catalog;

  StillWanted(Directory directory, Catalog catalog) {
    this.directory = directory;
    this.catalog = catalog;
  }

  /** Why the request can no longer be granted; empty when it can. */
  Optional<String> whyGone(AccessRequest request) {
    if (directory.findFresh(request.requester()).filter(Person::active).isEmpty()) {
      return Optional.of(request.requester().value() + " is no longer active in the directory");
    }
    return Dependencies.whyGone(request, catalog.find(request.app()));
  }
}
