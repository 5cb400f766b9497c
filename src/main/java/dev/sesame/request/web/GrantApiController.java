package dev.sesame.request.web;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.RoleName;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.platform.web.CurrentPerson;
import dev.sesame.request.AppGrants;
import dev.sesame.request.Grant;
import dev.sesame.request.GrantId;
import dev.sesame.request.Requests;
import dev.sesame.request.RevokeAccess;
import dev.sesame.request.SubmitRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The grants API: one's own grants (or an app's, for its admins), ending a grant (the person
 * themself, or an admin with a reason) and renewing it.
 */
@RestController
@RequestMapping("/api/grants")
class GrantApiController {

  private final Requests requests;
  private final AppGrants appGrants;
  private final RevokeAccess revoke;
  private final SubmitRequest submit;

  GrantApiController(Requests requests, AppGrants appGrants, RevokeAccess revoke, SubmitRequest submit) {
    this.requests = requests;
    this.appGrants = appGrants;
    this.revoke = revoke;
    this.submit = submit;
  }

  /** Why a grant ends; required when it is someone else's. */
  record RevokeForm(@Nullable @Size(max = 1000) String reason) {}

  /** Until when a renewal should extend the grant: a date (through that day, UTC) or an instant. */
  record RenewForm(@Nullable @Size(max = 40) String until) {}

  /** The viewer's grants, or with {@code app} every grant of that app (its app admins and the catalog admins). */
  @GetMapping
  List<GrantView> list(@RequestParam(required = false) @Nullable String app,
      @RequestParam(defaultValue = "200") int limit, Principal principal) {
    var viewer = CurrentPerson.of(principal);
    List<Grant> found = app == null || app.isBlank() ? requests.grants(viewer)
        : appGrants.of(viewer, AppName.parse(app).orElseThrow(() -> new InvalidInputException("app", "is not an app name")),
            limit);
    return found.stream().map(GrantView::from).toList();
  }

  @GetMapping("/{id}")
  GrantView get(@PathVariable String id, Principal principal) {
    var viewer = CurrentPerson.of(principal);
    Grant grant = requests.grant(id(id)).filter(g -> revoke.standing(g, viewer) != RevokeAccess.Standing.NONE)
        .orElseThrow(() -> new NotFoundException("there is no grant " + id + " that you can see"));
    return GrantView.from(grant);
  }

  /** Ends the grant: {@code {"reason": "…"}}; 202 while the removal is under way. */
  @PostMapping("/{id}/revoke")
  ResponseEntity<GrantView> revoke(@PathVariable String id, @Valid @RequestBody(required = false) @Nullable RevokeForm form,
      BindingResult binding, @RequestParam(defaultValue = "false") boolean dryRun, Principal principal) {
    fail(binding);
    String reason = form == null ? null : form.reason();
    if (dryRun) {
      return ResponseEntity.ok(GrantView.from(revoke.dryRun(id(id), CurrentPerson.of(principal), reason)));
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(GrantView.from(revoke.execute(id(id), CurrentPerson.of(principal), reason)));
  }

  /** The same as {@code POST /{id}/revoke}, with the reason as a parameter; {@code ?dryRun=true} only checks. */
  @DeleteMapping("/{id}")
  ResponseEntity<GrantView> delete(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
      @RequestParam(defaultValue = "false") boolean dryRun, Principal principal) {
    if (dryRun) {
      return ResponseEntity.ok(GrantView.from(revoke.dryRun(id(id), CurrentPerson.of(principal), reason)));
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(GrantView.from(revoke.execute(id(id), CurrentPerson.of(principal), reason)));
  }

  /**
   * The holder asks to extend the grant: {@code {"until": "2026-12-24"}}. This is a renewal
   * request, decided like any request for the app; the answer is the same as {@code POST /api/requests}.
   */
  @PostMapping("/{id}/renew")
  ResponseEntity<RequestApiController.SubmitView> renew(@PathVariable String id, @Valid @RequestBody RenewForm form,
      BindingResult binding, Principal principal) {
    fail(binding);
    var viewer = CurrentPerson.of(principal);
    Grant grant = requests.grant(id(id)).filter(g -> g.person().equals(viewer))
        .orElseThrow(() -> new NotFoundException("there is no grant " + id + " of yours"));
    java.time.Instant until = RequestApiController.until(form.until());
    if (until == null) {
      throw new InvalidInputException("until", "is required: the new end of the access");
    }
    var command = new SubmitRequest.Command(viewer, AppName.parse(grant.app()).orElseThrow(),
        grant.role() == null ? null : new RoleName(grant.role()), until, true);
    return RequestApiController.respond(submit.execute(command));
  }

  private static GrantId id(String text) {
    return GrantId.parse(text).orElseThrow(() -> new NotFoundException("there is no grant " + text));
  }

  private static void fail(BindingResult binding) {
    if (binding.hasErrors()) {
      List<FieldError> errors = new ArrayList<>();
      binding.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), String.valueOf(e.getDefaultMessage()))));
      throw new InvalidInputException(errors);
    }
  }
}
