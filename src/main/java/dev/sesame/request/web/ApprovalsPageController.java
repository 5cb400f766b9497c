package dev.sesame.request.web;

import dev.sesame.common.ConflictException;
import dev.sesame.common.ForbiddenException;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.platform.web.CurrentPerson;
import dev.sesame.request.DecideRequest;
import dev.sesame.request.RequestId;
import dev.sesame.request.RequestOverview;
import dev.sesame.request.Verdict;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approver's page: requests waiting for their decision, each with approve and deny. */
@Controller
class ApprovalsPageController {

  private final RequestOverview overview;
  private final DecideRequest decide;

  ApprovalsPageController(RequestOverview overview, DecideRequest decide) {
    this.overview = overview;
    this.decide = decide;
  }

  @GetMapping("/approvals")
  String approvals(Model model, Principal principal) {
    RequestOverview.Listing waiting = overview.waitingFor(CurrentPerson.of(principal));
    model.addAttribute("waiting", waiting.requests().stream().map(r -> ApprovalView.from(r, waiting.names())).toList());
    return "request/approvals";
  }

  @PostMapping("/approvals/{id}")
  String decide(@PathVariable String id, @RequestParam String decision, @RequestParam(defaultValue = "") String comment,
      Principal principal, RedirectAttributes redirect) {
    // NB. anything but exactly "approve" or "deny" is refused: a typo must never decide.
    Verdict verdict = switch (decision) {
      case "approve" -> Verdict.APPROVED;
      case "deny" -> Verdict.DENIED;
      default -> throw new InvalidInputException("decision", "must be approve or deny");
    };
    RequestId request = RequestId.parse(id).orElseThrow(() -> new NotFoundException("there is no request " + id));
    try {
      var result = decide.execute(new DecideRequest.Command(request, CurrentPerson.of(principal), verdict,
          comment));
      redirect.addFlashAttribute("notice", (verdict == Verdict.APPROVED ? "Approved " : "Denied ")
          + result.request().app().value() + " for " + result.request().requester().value() + ".");
    } catch (ConflictException | ForbiddenException e) {
      redirect.addFlashAttribute("problem", "Not recorded: " + e.getMessage() + ".");
    }
    return "redirect:/approvals";
  }
}
