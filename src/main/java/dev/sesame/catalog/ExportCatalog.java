package dev.sesame.catalog;

import org.springframework.stereotype.Component;

/** Writes the written approval policies and the current (not archived) apps as YAML that {@link ImportCatalog} reads back. */
@Component
public class ExportCatalog {

  private final Catalog catalog;
  private final dev.sesame.approval.ApprovalPolicies policies;

  ExportCatalog(Catalog catalog, dev.sesame.approval.ApprovalPolicies policies) {
    this.catalog = catalog;
    this.policies = policies;
  }

  /** The YAML document of every current app. */
  public String execute() {
    return CatalogYaml.write(policies.written().stream().map(p -> p.policy()).toList(),
        catalog.current().stream().map(CatalogApp::entry).toList());
  }
}
