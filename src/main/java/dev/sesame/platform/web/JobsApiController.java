package dev.sesame.platform.web;

import dev.sesame.directory.Directory;
import dev.sesame.platform.DeadJobs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The failed jobs API (catalog admins): list the dead-letter list, retry a job, give it up with a
 * note ({@code {"note": "…"}}, required).
 */
@RestController
@RequestMapping("/api/jobs/dead")
class JobsApiController {

  private final DeadJobs deadJobs;
  private final Directory directory;

  JobsApiController(DeadJobs deadJobs, Directory directory) {
    this.deadJobs = deadJobs;
    this.directory = directory;
  }

  /** The admin's note when giving a job up. */
  record GiveUpForm(@Nullable @Size(max = 1000) String note) {}

  @GetMapping
  List<DeadJobView> open() {
    return deadJobs.open().stream().map(j -> DeadJobView.of(j, directory)).toList();
  }

  @PostMapping("/{id}/retry")
  DeadJobView retry(@PathVariable long id, Principal principal) {
    return DeadJobView.of(deadJobs.retry(id, CurrentPerson.of(principal)), directory);
  }

  @PostMapping("/{id}/give-up")
  DeadJobView giveUp(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable GiveUpForm form,
      BindingResult binding, Principal principal) {
    if (binding.hasErrors()) {
      throw new dev.sesame.common.InvalidInputException("note", "has more than 1000 characters");
    }
    String note = form == null || form.note() == null ? "" : form.note();
    return DeadJobView.of(deadJobs.giveUp(id, CurrentPerson.of(principal), note), directory);
  }
}
