package dev.sesame.request.web;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.RoleName;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.platform.web.CurrentPerson;
import dev.sesame.request.CancelRequest;
import dev.sesame.request.OverrideRequest;
import dev.sesame.request.DecideRequest;
import dev.sesame.request.RequestId;
import dev.sesame.request.Requests;
import dev.sesame.request.SubmitRequest;
import dev.sesame.request.Verdict;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The requests API: ask for an app, see requests, decide, cancel. */
@RestController
@RequestMapping("/api")
class RequestApiController {

  private final Requests requests;
  private final SubmitRequest submit;
  private final DecideRequest decide;
  private final CancelRequest cancel;
  private final OverrideRequest override;

  RequestApiController(Requests requests, SubmitRequest submit, DecideRequest decide, CancelRequest cancel,
      OverrideRequest override) {
    this.requests = requests;
    this.submit = submit;
    this.decide = decide;
    this.cancel = cancel;
    this.override = override;
  }

  /**
   * Ask for an app: {@code {"app": "Figma", "role": "editor", "until": "2026-12-18"}}; {@code until}
   * (a date, meaning through that day in UTC, or an instant) only where the app allows an end date.
   */
  record SubmitForm(@NotBlank @Size(max = 128) String app, @Nullable @Size(max = 64) String role,
      @Nullable @Size(max = 40) String until) {}

  /** A decision's optional comment. */
  record DecisionForm(@Nullable @Size(max = 1000) String comment) {}

  /** A catalog admin's override: {@code {"verdict": "approve", "reason": "…"}}; the reason is required. */
  record OverrideForm(@NotBlank @Size(max = 16) String verdict, @Nullable @Size(max = 1000) String reason) {}

  /**
   * The dry run's answer, or the request that was (or already had been) submitted.
   *
   * @param message what the outcome means, in words
   */
  record SubmitView(String outcome, String message, @Nullable RequestView request, List<String> heldRoles,
      List<String> approvers) {}

  @GetMapping("/requests")
  List<RequestView> list(@RequestParam(defaultValue = "mine") String scope, @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String app, @RequestParam(required = false) @Nullable String person,
      @RequestParam(defaultValue = "100") int limit, Principal principal) {
    var viewer = CurrentPerson.of(principal);
    var found = scope.equals("all") ? requests.search(viewer, state, app, person, limit) : requests.mine(viewer);
    return found.stream().map(RequestView::from).toList();
  }

  @GetMapping("/requests/{id}")
  RequestView get(@PathVariable String id, Principal principal) {
    return RequestView.from(requests.get(id(id), CurrentPerson.of(principal)));
  }

  @GetMapping("/approvals")
  List<RequestView> approvals(Principal principal) {
    return requests.waitingFor(CurrentPerson.of(principal)).stream().map(RequestView::from).toList();
  }

  @PostMapping("/requests")
  ResponseEntity<SubmitView> submit(@Valid @RequestBody SubmitForm form, BindingResult binding,
      @RequestParam(defaultValue = "false") boolean dryRun, Principal principal) {
    fail(binding);
    AppName app = AppName.parse(form.app()).orElseThrow(() -> new InvalidInputException("app", "is not an app name"));
    RoleName role = form.role() == null || form.role().isBlank() ? null : RoleName.parse(form.role())
        .orElseThrow(() -> new InvalidInputException("role", "is not a role name"));
    var command = new SubmitRequest.Command(CurrentPerson.of(principal), app, role, until(form.until()), false);
    if (dryRun) {
      return ResponseEntity.ok(view(submit.dryRun(command), null));
    }
    return respond(submit.execute(command));
  }

  /** The answer to a submission: 201 when created, 200 with the open request, 422 with the outcome; 400 for a missing end. */
  static ResponseEntity<SubmitView> respond(SubmitRequest.Submission submission) {
    if (submission.analysis().outcome() == SubmitRequest.Outcome.END_DATE_NEEDED) {
      throw new InvalidInputException("until", message(SubmitRequest.Outcome.END_DATE_NEEDED));
    }
    SubmitView view = view(submission.analysis(), submission.request().map(RequestView::from).orElse(null));
    HttpStatus status = submission.created() ? HttpStatus.CREATED
        : submission.request().isPresent() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT;
    return ResponseEntity.status(status).body(view);
  }

  @PostMapping("/requests/{id}/approve")
  RequestView approve(@PathVariable String id, @Valid @RequestBody(required = false) @Nullable DecisionForm form,
      BindingResult binding, Principal principal) {
    return decide(id, Verdict.APPROVED, form, binding, principal);
  }

  @PostMapping("/requests/{id}/deny")
  RequestView deny(@PathVariable String id, @Valid @RequestBody(required = false) @Nullable DecisionForm form,
      BindingResult binding, Principal principal) {
    return decide(id, Verdict.DENIED, form, binding, principal);
  }

  @PostMapping("/requests/{id}/override")
  RequestView override(@PathVariable String id, @Valid @RequestBody OverrideForm form, BindingResult binding,
      Principal principal) {
    fail(binding);
    Verdict verdict = switch (form.verdict().strip().toLowerCase(java.util.Locale.ROOT)) {
      case "approve", "approved" -> Verdict.APPROVED;
      case "deny", "denied" -> Verdict.DENIED;
      default -> throw new InvalidInputException("verdict", "must be approve or deny");
    };
    return RequestView.from(override.execute(new OverrideRequest.Command(id(id), CurrentPerson.of(principal), verdict,
        form.reason() == null ? "" : form.reason())));
  }

  @PostMapping("/requests/{id}/cancel")
  RequestView cancel(@PathVariable String id, Principal principal) {
    return RequestView.from(cancel.execute(id(id), CurrentPerson.of(principal)));
  }

  private RequestView decide(String id, Verdict verdict, @Nullable DecisionForm form, BindingResult binding, Principal principal) {
    fail(binding);
    String comment = form == null || form.comment() == null ? "" : form.comment();
    return RequestView.from(decide.execute(new DecideRequest.Command(id(id), CurrentPerson.of(principal), verdict, comment)).request());
  }

  private static SubmitView view(SubmitRequest.Analysis analysis, @Nullable RequestView request) {
    return new SubmitView(analysis.outcome().name(), message(analysis.outcome()), request,
        analysis.heldRoles().stream().map(RoleName::value).toList(),
        analysis.plan().map(p -> p.stages().isEmpty() ? List.<String>of()
            : p.stages().get(0).approvers().stream().map(a -> a.value()).sorted().toList()).orElse(List.of()));
  }

  private static String message(SubmitRequest.Outcome outcome) {
    return switch (outcome) {
      case UNKNOWN_APP -> "there is no such app in the catalog";
      case DISABLED -> "the app cannot be requested through Sesame; see its links";
      case NOT_ALLOWED -> "the app's access rule does not include you";
      case RULE_FAILED -> "the app's access rule could not be checked for you";
      case SELF_SERVICE -> "the app is self-service: follow its instructions";
      case ROLE_NEEDED -> "the app has roles: name one in 'role'";
      case UNKNOWN_ROLE -> "the app has no such role";
      case ALREADY_HAS_ACCESS -> "you already have this access";
      case ALREADY_REQUESTED -> "you already have an open request for this";
      case END_DATE_NEEDED -> "access to this app must end on a date: give one in 'until'";
      case NOTHING_TO_RENEW -> "you hold no access to this app that ends on a date";
      case READY -> "nothing is missing: the request can be submitted";
    };
  }

  /** A planned end as the API takes it: a date (through that day, UTC) or an instant; null when absent. */
  static java.time.@Nullable Instant until(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return dev.sesame.request.EndDate.parse(text).orElseThrow(() -> new InvalidInputException("until",
        "must be a date (2026-12-18) or an instant (2026-12-18T17:00:00Z)"));
  }

  private static RequestId id(String text) {
    return RequestId.parse(text).orElseThrow(() -> new NotFoundException("there is no request " + text));
  }

  private static void fail(BindingResult binding) {
    if (binding.hasErrors()) {
      List<FieldError> errors = new ArrayList<>();
      binding.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), String.valueOf(e.getDefaultMessage()))));
      throw new InvalidInputException(errors);
    }
  }
}
