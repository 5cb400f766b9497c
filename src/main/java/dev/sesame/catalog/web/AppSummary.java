package dev.sesame.catalog.web;

import dev.sesame.catalog.CatalogApp;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.time.Instant;
import java.util.List;

/** One row of the catalog list. */
record AppSummary(String name, List<String> aliases, String strategy, String system, String approvalFlow,
    boolean enabledInBot, boolean archived, int version, Instant changedAt, String changedBy) {

  static AppSummary from(CatalogApp app) {
    var e = app.entry();
    return new AppSummary(e.name().value(), e.aliases(), e.strategy().type(),
        e.strategy().system().map(ProvisioningSystemId::value).orElse(""), e.approvalFlow().value(),
        e.enabledInBot(), app.archived(), app.revision().version(), app.revision().changedAt(),
        app.revision().changedBy().value());
  }
}
