package dev.sesame.catalog.web;

import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogCodec;
import java.time.Instant;
import java.util.Map;

/** An app as the API returns it: the entry in its JSON form plus its version. */
record AppView(int version, String changeDescription, Instant changedAt, String changedBy, boolean archived,
    Map<String, Object> app) {

  static AppView from(CatalogApp app) {
    return new AppView(app.revision().version(), app.revision().description(), app.revision().changedAt(),
        app.revision().changedBy().value(), app.archived(), CatalogCodec.write(app.entry()));
  }
}
