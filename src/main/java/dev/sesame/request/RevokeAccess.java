package dev.sesame.request;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.common.ConflictException;
import dev.sesame.common.ForbiddenException;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone ends a grant: the person themself (no reason needed), an app admin of the grant's app or
 * a catalog admin (a reason is required, and shown to the person). Everyone else is refused (403)
 * before the reason is looked at. A grant already ending is acknowledged; an ended or unmanaged
 * one is a conflict (409). The removal itself is {@link EndAccess}'s.
 */
@Component
public class RevokeAccess {

  /** The reason recorded when people end their own access without giving one. */
  public static final String OWN_REASON = "the person no longer needs it";

  private final GrantRepository grants;
  private final EndAccess end;
  private final Catalog catalog;
  private final CatalogAdmins admins;

  RevokeAccess(GrantRepository grants, EndAccess end, Catalog catalog, CatalogAdmins admins) {
    this.grants = grants;
    this.end = end;
    this.catalog = catalog;
    this.admins = admins;
  }

  /** What the viewer may do with a grant. */
  public enum Standing {
    /** The grant is theirs. */
    OWNER,
    /** They are an app admin of the grant's app or a catalog admin. */
    ADMIN,
    /** Neither. */
    NONE
  }

  /** How the viewer stands to the grant. */
  public Standing standing(Grant grant, PersonId viewer) {
    if (grant.person().equals(viewer)) {
      return Standing.OWNER;
    }
    boolean appAdmin = AppName.parse(grant.app()).flatMap(catalog::find).map(CatalogApp::entry)
        .map(e -> e.appAdmins().contains(viewer)).orElse(false);
    return appAdmin || admins.includes(viewer) ? Standing.ADMIN : Standing.NONE;
  }

  /**
   * The dry run: checks everything and changes nothing.
   *
   * @return the grant as it stands
   */
  @Transactional(readOnly = true)
  public Grant dryRun(GrantId id, PersonId actor, @Nullable String reason) {
    Grant grant = grants.find(id).orElseThrow(() -> new NotFoundException("there is no grant " + id));
    check(grant, actor, reason);
    return grant;
  }

  /** Ends the grant; returns it as it stands afterwards (ENDING until the system confirms). */
  @Transactional
  public Grant execute(GrantId id, PersonId actor, @Nullable String reason) {
    Grant grant = grants.lock(id).orElseThrow(() -> new NotFoundException("there is no grant " + id));
    String why = check(grant, actor, reason);
    end.endInTransaction(id, actor.value(), why);
    return grants.find(id).orElseThrow();
  }

  private String check(Grant grant, PersonId actor, @Nullable String reason) {
    Standing standing = standing(grant, actor);
    if (standing == Standing.NONE) {
      throw new ForbiddenException("only " + grant.person().value() + ", the app admins of " + grant.app()
          + " and the catalog admins may end this access");
    }
    String why = reason == null ? "" : reason.strip();
    if (standing == Standing.ADMIN && why.isEmpty()) {
      throw new InvalidInputException("reason", "is required when you end someone else's access; it is shown to them");
    }
    if (why.length() > 1000) {
      throw new InvalidInputException("reason", "has " + why.length() + " characters; at most 1000 are allowed");
    }
    switch (grant.state()) {
      case ENDED -> throw new ConflictException("this access already ended on " + grant.endedAt());
      case UNMANAGED -> throw new ConflictException("this access is no longer managed by Sesame");
      default -> { }
    }
    return why.isEmpty() ? OWN_REASON : why;
  }
}
