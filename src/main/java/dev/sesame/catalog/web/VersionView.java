package dev.sesame.catalog.web;

import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of an app on its history page, with what changed from the version before it.
 *
 * @param current true for the newest version, which cannot be restored
 */
record VersionView(int version, String changedBy, Instant changedAt, String description, boolean archived,
    boolean current, List<EntryDiff.Change> changes) {

  /** The views of every version, newest first, as {@link dev.sesame.catalog.Catalog#history} lists them. */
  static List<VersionView> all(List<CatalogApp> newestFirst) {
    List<VersionView> out = new ArrayList<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      CatalogApp app = newestFirst.get(i);
      CatalogApp before = i + 1 < newestFirst.size() ? newestFirst.get(i + 1) : null;
      List<EntryDiff.Change> changes = new ArrayList<>();
      if (before != null && before.archived() != app.archived()) {
        changes.add(new EntryDiff.Change("Archived", before.archived() ? "yes" : "no", app.archived() ? "yes" : "no"));
      }
      changes.addAll(EntryDiff.between(before == null ? null : CatalogCodec.write(before.entry()),
          CatalogCodec.write(app.entry())));
      out.add(new VersionView(app.revision().version(), app.revision().changedBy().value(), app.revision().changedAt(),
          app.revision().description(), app.archived(), i == 0, changes));
    }
    return out;
  }
}
