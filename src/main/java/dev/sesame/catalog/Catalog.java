package dev.sesame.catalog;

import dev.sesame.common.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads the catalog: the apps people can ask for, and every app for admins. */
@Component
public class Catalog {

  private final CatalogRepository repository;

  Catalog(CatalogRepository repository) {
    this.repository = repository;
  }

  /** The app with this name (ignoring case), archived or not. */
  public Optional<CatalogApp> find(AppName name) {
    return repository.find(name);
  }

  /**
   * The app with this name, kept from changing until the caller's transaction ends: a request
   * submitted with it cannot slip past a change that closes the app's open requests.
   */
  public Optional<CatalogApp> findUnchanging(AppName name) {
    return repository.share(name);
  }

  /** The app with this name, or a not-found error naming it. */
  public CatalogApp get(AppName name) {
    return find(name).orElseThrow(() -> new NotFoundException("there is no app named '" + name.value() + "'"));
  }

  /** Every app, archived ones included, ordered by name. */
  public List<CatalogApp> all() {
    return repository.all();
  }

  /** The apps that are not archived, ordered by name. */
  public List<CatalogApp> current() {
    return repository.all().stream().filter(a -> !a.archived()).toList();
  }

  /** Every version of an app, newest first. */
  public List<CatalogApp> history(AppName name) {
    return repository.history(name);
  }
}
