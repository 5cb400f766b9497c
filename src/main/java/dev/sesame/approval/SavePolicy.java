package dev.sesame.approval;

import dev.sesame.audit.AuditTrail;
import dev.sesame.common.ConflictException;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a policy or saves a new version of one. The dry run reports every problem (a
 * ready-made name, a condition that does not compile, a person or group the directory does not
 * know); {@code execute} saves only a policy without problems, and only over the version the admin
 * read. A request keeps the policy it was submitted under: a change applies to new requests.
 */
@Component
public class SavePolicy {

  private final PolicyRepository repository;
  private final Directory directory;
  private final CatalogAdmins admins;
  private final AuditTrail audit;
  private final Clock clock;

  SavePolicy(PolicyRepository repository, Directory directory, CatalogAdmins admins, AuditTrail audit, Clock clock) {
    this.repository = repository;
    this.directory = directory;
    this.admins = admins;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Save this policy.
   *
   * @param expectedVersion the version the admin read; null to create the policy
   * @param path the prefix of field names in errors, e.g. {@code policies[2]}; empty for the API
   */
  public record Command(ApprovalPolicy policy, @Nullable Integer expectedVersion, String description, PersonId actor,
      String path) {}

  /** Every problem with the policy; empty when it can be saved. */
  public List<FieldError> dryRun(Command command) {
    admins.require(command.actor());
    return problems(command.policy(), command.path());
  }

  /** Saves the policy (as version 1 or the next one) and returns its version. */
  @Transactional
  public int execute(Command command) {
    admins.require(command.actor());
    return save(command);
  }

  /** Saves without checking who asks: for callers that already did (the catalog import). */
  @Transactional
  public int save(Command command) {
    List<FieldError> problems = problems(command.policy(), command.path());
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    ApprovalPolicy policy = command.policy();
    Optional<StoredPolicy> current = repository.lock(policy.name());
    int version;
    if (current.isEmpty()) {
      if (command.expectedVersion() != null) {
        throw new ConflictException("there is no policy " + policy.name() + " to change; it may have been renamed");
      }
      version = 1;
    } else {
      if (command.expectedVersion() != null && command.expectedVersion() != current.get().version()) {
        throw new ConflictException("policy " + policy.name() + " is at version " + current.get().version()
            + ", not " + command.expectedVersion() + ": someone else changed it; reload and apply your change again");
      }
      if (current.get().policy().equals(policy)) {
        return current.get().version();
      }
      version = current.get().version() + 1;
    }
    String why = command.description().isBlank() ? (version == 1 ? "Created" : "Changed") : command.description().strip();
    try {
      repository.save(new StoredPolicy(policy, version, why, clock.instant(), command.actor()));
    } catch (DuplicateKeyException e) {
      throw new ConflictException("a policy named " + policy.name() + " was created a moment ago; reload it");
    }
    audit.policyChanged(command.actor().value(), policy.name().value(), version == 1 ? "created" : "updated",
        version, why);
    return version;
  }

  /** Every problem with the policy, its fields under {@code path}; for callers that checked who asks. */
  public List<FieldError> check(ApprovalPolicy policy, String path) {
    return problems(policy, path);
  }

  private List<FieldError> problems(ApprovalPolicy policy, String path) {
    String at = path.isEmpty() ? "" : path + ".";
    List<FieldError> errors = new ArrayList<>();
    if (BuiltInPolicies.find(policy.name()).isPresent()) {
      errors.add(new FieldError(at + "name", policy.name() + " is a ready-made policy and cannot be changed;"
          + " choose another name"));
    }
    if (policy.stages().size() > 10) {
      errors.add(new FieldError(at + "stages", "has " + policy.stages().size() + " stages; at most 10 are allowed"));
    }
    for (int i = 0; i < policy.stages().size(); i++) {
      StageRule stage = policy.stages().get(i);
      String stageAt = at + "stages[" + i + "]";
      if (stage.name().isBlank()) {
        errors.add(new FieldError(stageAt + ".name", "must not be blank"));
      }
      StageConditions.problem(stage.when()).ifPresent(p -> errors.add(new FieldError(stageAt + ".when", p)));
      checkSources(stage.approvers(), stageAt + ".approvers", errors);
    }
    if (policy.fallback() != null) {
      checkSources(policy.fallback(), at + "fallback", errors);
    }
    return errors;
  }

  private void checkSources(List<ApproverSource> sources, String at, List<FieldError> errors) {
    for (int j = 0; j < sources.size(); j++) {
      ApproverSource source = sources.get(j);
      String field = at + "[" + j + "]";
      if (source instanceof ApproverSource.Named n && directory.find(n.person()).filter(Person::active).isEmpty()) {
        errors.add(new FieldError(field, n.person().value() + " is not an active person in the directory"));
      }
      if (source instanceof ApproverSource.GroupMembers g && directory.membersOf(g.group()).isEmpty()) {
        errors.add(new FieldError(field, "the directory has no group " + g.group() + " with members"));
      }
    }
  }
}
