package dev.sesame.approval.web;

import dev.sesame.approval.Delegation;
import dev.sesame.approval.Delegations;
import dev.sesame.common.InvalidInputException;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.web.CurrentPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An approver's delegations: {@code GET /api/delegations}, {@code POST} with {@code {"delegate":
 * "kenji.sato", "until": "2026-12-24T00:00:00Z"}} (optional {@code from}), {@code DELETE
 * /api/delegations/{id}}. Everyone manages only their own.
 */
@RestController
@RequestMapping("/api/delegations")
class DelegationApiController {

  private final Delegations delegations;

  DelegationApiController(Delegations delegations) {
    this.delegations = delegations;
  }

  record DelegationForm(@NotBlank @Size(max = 64) String delegate, @Nullable @Size(max = 40) String from,
      @NotBlank @Size(max = 40) String until) {}

  record DelegationView(long id, String approver, String delegate, Instant from, Instant until) {
    static DelegationView of(Delegation d) {
      return new DelegationView(d.id(), d.approver().value(), d.delegate().value(), d.from(), d.until());
    }
  }

  @GetMapping
  List<DelegationView> mine(Principal principal) {
    return delegations.of(CurrentPerson.of(principal)).stream().map(DelegationView::of).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  DelegationView create(@RequestBody DelegationForm form, Principal principal) {
    if (form.delegate() == null || form.delegate().isBlank()) {
      throw new InvalidInputException("delegate", "is required: the login of who decides in your place");
    }
    PersonId delegate = PersonId.parse(form.delegate())
        .orElseThrow(() -> new InvalidInputException("delegate", "is not a login"));
    Instant from = form.from() == null || form.from().isBlank() ? null : instant("from", form.from());
    if (form.until() == null || form.until().isBlank()) {
      throw new InvalidInputException("until", "is required: when the delegation ends (ISO-8601, e.g. 2026-12-24T00:00:00Z)");
    }
    return DelegationView.of(delegations.delegate(CurrentPerson.of(principal), delegate, from,
        instant("until", form.until())));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable long id, Principal principal) {
    delegations.revoke(id, CurrentPerson.of(principal));
  }

  private static Instant instant(String field, String text) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "is not an instant; write it like 2026-12-24T00:00:00Z");
    }
  }
}
