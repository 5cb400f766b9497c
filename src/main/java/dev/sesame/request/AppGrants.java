package dev.sesame.request;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.common.ForbiddenException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who holds (and held) access to an app, for its app admins and the catalog admins. */
@Component
public class AppGrants {

  private final GrantRepository grants;
  private final Catalog catalog;
  private final CatalogAdmins admins;

  AppGrants(GrantRepository grants, Catalog catalog, CatalogAdmins admins) {
    this.grants = grants;
    this.catalog = catalog;
    this.admins = admins;
  }

  /** True when the viewer may see and end the app's grants. */
  public boolean mayManage(PersonId viewer, AppName app) {
    return admins.includes(viewer) || catalog.find(app).map(CatalogApp::entry)
        .map(e -> e.appAdmins().contains(viewer)).orElse(false);
  }

  /** The app's grants, newest first, at most {@code limit}; 403 for anyone else than its admins. */
  public List<Grant> of(PersonId viewer, AppName app, int limit) {
    if (!mayManage(viewer, app)) {
      throw new ForbiddenException("only the app admins of " + app.value() + " and the catalog admins may see who holds it");
    }
    return grants.ofApp(app, Math.max(1, Math.min(limit, 1000)));
  }
}
