package dev.sesame.request.web;

import dev.sesame.common.ConflictException;
import dev.sesame.common.ForbiddenException;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.platform.web.CurrentPerson;
import dev.sesame.request.Grant;
import dev.sesame.request.RequestId;
import dev.sesame.request.Requests;
import dev.sesame.request.RevokeAccess;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Removing the access a request created, from the request's console page: a catalog admin gives a
 * reason (shown to the person); the answer comes back on the page as a notice or a problem.
 */
@Controller
class GrantPageController {

  private final Requests requests;
  private final RevokeAccess revoke;

  GrantPageController(Requests requests, RevokeAccess revoke) {
    this.requests = requests;
    this.revoke = revoke;
  }

  @PostMapping("/admin/requests/{id}/revoke")
  String revoke(@PathVariable String id, @RequestParam(required = false) @Nullable String reason, Principal principal,
      RedirectAttributes redirect) {
    RequestId request = RequestId.parse(id).orElseThrow(() -> new NotFoundException("there is no request " + id));
    Grant grant = requests.grantOf(request)
        .orElseThrow(() -> new NotFoundException("request " + id + " gave no access to remove"));
    try {
      revoke.execute(grant.id(), CurrentPerson.of(principal), reason);
      redirect.addFlashAttribute("notice", "Removing the access now; the page shows when the directory confirms it.");
    } catch (InvalidInputException | ConflictException | ForbiddenException e) {
      redirect.addFlashAttribute("problem", "Not removed: " + (e instanceof InvalidInputException invalid
          && !invalid.errors().isEmpty() ? "the " + invalid.errors().get(0).field() + " " + invalid.errors().get(0).reason()
          : e.getMessage()) + ".");
    }
    return "redirect:/admin/requests/" + request;
  }
}
