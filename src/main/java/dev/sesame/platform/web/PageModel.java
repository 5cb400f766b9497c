package dev.sesame.platform.web;

import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: who is signed in. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

  @ModelAttribute("me")
  String me(@Nullable Principal principal) {
    return principal == null ? "" : principal.getName();
  }
}
