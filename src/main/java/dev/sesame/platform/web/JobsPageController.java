package dev.sesame.platform.web;

import dev.sesame.common.ConflictException;
import dev.sesame.common.ForbiddenException;
import dev.sesame.common.InvalidInputException;
import dev.sesame.directory.Directory;
import dev.sesame.platform.DeadJob;
import dev.sesame.platform.DeadJobs;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's failed jobs (catalog admins): the dead-letter list, with retry and give up. */
@Controller
class JobsPageController {

  private final DeadJobs deadJobs;
  private final Directory directory;

  JobsPageController(DeadJobs deadJobs, Directory directory) {
    this.deadJobs = deadJobs;
    this.directory = directory;
  }

  @GetMapping("/admin/jobs")
  String list(Model model) {
    model.addAttribute("jobs", deadJobs.open().stream().map(j -> DeadJobView.of(j, directory)).toList());
    return "platform/jobs";
  }

  @PostMapping("/admin/jobs/{id}/retry")
  String retry(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
    try {
      DeadJob job = deadJobs.retry(id, CurrentPerson.of(principal));
      redirect.addFlashAttribute("notice", "Retrying " + DeadJobView.of(job, directory).title()
          + ". The person was told.");
    } catch (ConflictException | ForbiddenException e) {
      redirect.addFlashAttribute("problem", "Not retried: " + e.getMessage() + ".");
    }
    return "redirect:/admin/jobs";
  }

  @PostMapping("/admin/jobs/{id}/give-up")
  String giveUp(@PathVariable long id, @RequestParam(defaultValue = "") String note, Principal principal,
      RedirectAttributes redirect) {
    try {
      DeadJob job = deadJobs.giveUp(id, CurrentPerson.of(principal), note);
      redirect.addFlashAttribute("notice", "Gave up " + DeadJobView.of(job, directory).title()
          + ". The person was told that IT will handle it.");
    } catch (ConflictException | ForbiddenException | InvalidInputException e) {
      redirect.addFlashAttribute("problem", "Not given up: " + e.getMessage() + ".");
    }
    return "redirect:/admin/jobs";
  }
}
