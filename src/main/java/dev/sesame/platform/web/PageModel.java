package dev.sesame.platform.web;

import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: who is signed in, and whether they may use the console. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

  @ModelAttribute("me")
  String me(@Nullable Principal principal) {
    return principal == null ? "" : principal.getName();
  }

  @ModelAttribute("admin")
  boolean admin(@Nullable Principal principal) {
    return principal instanceof Authentication authentication && authentication.getAuthorities().stream()
        .anyMatch(a -> ("ROLE_" + DirectoryAuthenticationProvider.CATALOG_ADMIN).equals(a.getAuthority()));
  }
}
