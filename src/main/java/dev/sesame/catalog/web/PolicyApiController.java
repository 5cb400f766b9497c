package dev.sesame.catalog.web;

import dev.sesame.approval.ApprovalPolicies;
import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.PolicyName;
import dev.sesame.approval.SavePolicy;
import dev.sesame.approval.StoredPolicy;
import dev.sesame.catalog.PolicyCodec;
import dev.sesame.common.ConflictException;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.web.CurrentPerson;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Approval policies: {@code GET /api/policies} (ready-made and written), {@code GET
 * /api/policies/{name}} with its history, {@code PUT /api/policies/{name}} with {@code
 * {"changeDescription": …, "version": …, "policy": {…}}} ({@code version} absent to create; {@code
 * ?dryRun=true} checks only), and {@code GET /api/policies/{name}/preview?person=…&app=…&role=…}:
 * exactly who would approve each stage for that person ({@code app} and {@code role} optional;
 * without an app nobody is an app admin). A non-admin gets 403, an unknown policy 404, and only then
 * a missing or unknown person, app or role 400.
 */
@RestController
@RequestMapping("/api/policies")
class PolicyApiController {

  private static final Set<String> WRITE_KEYS = Set.of("changeDescription", "version", "policy");

  private final ApprovalPolicies policies;
  private final SavePolicy save;
  private final PolicyPreviews previews;
  private final CatalogAdmins admins;

  PolicyApiController(ApprovalPolicies policies, SavePolicy save, PolicyPreviews previews, CatalogAdmins admins) {
    this.policies = policies;
    this.save = save;
    this.previews = previews;
    this.admins = admins;
  }

  /** A policy as the API shows it: its YAML form, whether it is ready-made, and its version (0 for ready-made). */
  record PolicyView(String name, boolean builtIn, int version, @Nullable Instant changedAt, @Nullable String changedBy,
      String changeDescription, Map<String, Object> policy) {

    static PolicyView builtIn(ApprovalPolicy p) {
      return new PolicyView(p.name().value(), true, 0, null, null, "", PolicyCodec.write(p));
    }

    static PolicyView of(StoredPolicy p) {
      return new PolicyView(p.policy().name().value(), false, p.version(), p.changedAt(), p.changedBy().value(),
          p.description(), PolicyCodec.write(p.policy()));
    }
  }

  /** One stage of a preview. */
  record StagePreview(String name, List<String> approvers, int required, String fallback, boolean stuck) {}

  /** Who would approve a request by {@code person} for {@code app}, stage by stage. */
  record Preview(String policy, String person, String app, String role, boolean automatic, List<String> skipped,
      List<StagePreview> stages) {}

  @GetMapping
  List<PolicyView> list() {
    List<PolicyView> out = new ArrayList<>();
    policies.all().stream().filter(ApprovalPolicy::builtIn).forEach(p -> out.add(PolicyView.builtIn(p)));
    policies.written().forEach(p -> out.add(PolicyView.of(p)));
    return out;
  }

  @GetMapping("/{name}")
  PolicyView get(@PathVariable String name) {
    ApprovalPolicy policy = find(name);
    return policy.builtIn() ? PolicyView.builtIn(policy) : PolicyView.of(policies.stored(policy.name()).orElseThrow());
  }

  @GetMapping("/{name}/history")
  List<PolicyView> history(@PathVariable String name) {
    return policies.history(find(name).name()).stream().map(PolicyView::of).toList();
  }

  @PutMapping("/{name}")
  ResponseEntity<?> put(@PathVariable String name, @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean dryRun, Principal principal) {
    PersonId actor = CurrentPerson.of(principal);
    PolicyName addressed = PolicyName.parse(name)
        .orElseThrow(() -> new NotFoundException("there is no policy named '" + name + "'"));
    SavePolicy.Command command = command(addressed, body, actor);
    if (command.expectedVersion() == null && policies.stored(addressed).isPresent()) {
      throw new ConflictException("the policy " + addressed.value() + " exists; send the version you read to change it");
    }
    if (dryRun) {
      List<FieldError> errors = save.dryRun(command);
      return ResponseEntity.ok(Map.of("ok", errors.isEmpty(), "errors", errors));
    }
    int version = save.execute(command);
    return ResponseEntity.status(command.expectedVersion() == null ? 201 : 200)
        .body(PolicyView.of(policies.stored(addressed).orElseThrow()));
  }

  @GetMapping("/{name}/preview")
  Preview preview(@PathVariable String name, @RequestParam(defaultValue = "") String person,
      @RequestParam(defaultValue = "") String app, @RequestParam(defaultValue = "") String role, Principal principal) {
    // NB. Who asks first (403), then which policy (404), then the parameters (400): none of them is
    // a required request parameter, so Spring does not answer 400 before these checks.
    admins.require(CurrentPerson.of(principal));
    ApprovalPolicy policy = find(name);
    PolicyPreviews.Preview preview = previews.preview(policy, person, app, role);
    return new Preview(preview.policy().name().value(), preview.requester().id().value(),
        preview.app().map(e -> e.name().value()).orElse(""), preview.role(), preview.plan().automatic(),
        preview.plan().skipped(), preview.plan().stages().stream().map(s -> new StagePreview(s.name(),
            s.approvers().stream().map(PersonId::value).sorted().toList(), s.required(), s.fallback(), s.stuck()))
            .toList());
  }

  private ApprovalPolicy find(String name) {
    return PolicyName.parse(name).flatMap(policies::find)
        .orElseThrow(() -> new NotFoundException("there is no policy named '" + name + "'"));
  }

  private static SavePolicy.Command command(PolicyName addressed, JsonNode body, PersonId actor) {
    List<FieldError> errors = new ArrayList<>();
    if (!body.isObject()) {
      throw new InvalidInputException("body", "must be an object with changeDescription, version and policy");
    }
    body.propertyNames().stream().filter(k -> !WRITE_KEYS.contains(k))
        .forEach(k -> errors.add(new FieldError(k, "unknown field; allowed are " + WRITE_KEYS)));
    JsonNode version = body.get("version");
    if (version != null && !version.isNull() && !version.canConvertToInt()) {
      errors.add(new FieldError("version", "must be a whole number"));
    }
    JsonNode description = body.get("changeDescription");
    if (description != null && !description.isNull() && !description.isString()) {
      errors.add(new FieldError("changeDescription", "must be text"));
    }
    JsonNode node = body.get("policy");
    Optional<ApprovalPolicy> policy = Optional.empty();
    if (node == null || !node.isObject()) {
      errors.add(new FieldError("policy", "is required: the policy"));
    } else {
      PolicyCodec.Read read = PolicyCodec.read(node, "policy");
      errors.addAll(read.errors());
      policy = read.policy();
      policy.filter(p -> !p.name().sameAs(addressed)).ifPresent(p -> errors.add(new FieldError("policy.name",
          "is '" + p.name().value() + "' but the address names '" + addressed.value() + "'; policies are not renamed")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new SavePolicy.Command(policy.orElseThrow(), version == null || version.isNull() ? null : version.asInt(),
        description == null || description.isNull() ? "" : description.asString(), actor, "policy");
  }
}
