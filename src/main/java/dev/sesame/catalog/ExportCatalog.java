package dev.sesame.catalog;

import org.springframework.stereotype.Component;

/** Writes the current (not archived) catalog as YAML that {@link ImportCatalog} reads back. */
@Component
public class ExportCatalog {

  private final Catalog catalog;

  ExportCatalog(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The YAML document of every current app. */
  public String execute() {
    return CatalogYaml.write(catalog.current().stream().map(CatalogApp::entry).toList());
  }
}
