package dev.sesame.platform.web;

import dev.sesame.directory.PersonId;
import java.security.Principal;

/** The signed-in person of a web request. */
public final class CurrentPerson {

  private CurrentPerson() {}

  /** The person the principal names; every endpoint is authenticated, so there always is one. */
  public static PersonId of(Principal principal) {
    return new PersonId(principal.getName());
  }
}
