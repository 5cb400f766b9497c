package dev.sesame.catalog;

/** An app as stored: its current entry, the revision that produced it, and whether it is archived. */
public record CatalogApp(CatalogEntry entry, Revision revision, boolean archived) {

  /** The app's name. */
  public AppName name() {
    return entry.name();
  }
}
