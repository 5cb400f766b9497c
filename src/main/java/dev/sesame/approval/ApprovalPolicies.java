package dev.sesame.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds policies by name: the ready-made ones first, then those admins wrote. */
@Component
public class ApprovalPolicies {

  private final PolicyRepository repository;

  ApprovalPolicies(PolicyRepository repository) {
    this.repository = repository;
  }

  /** The policy with this name (ignoring case), ready-made or written. */
  public Optional<ApprovalPolicy> find(PolicyName name) {
    return BuiltInPolicies.find(name).or(() -> repository.find(name).map(StoredPolicy::policy));
  }

  /** The written policy with this name and its version; empty for ready-made ones. */
  public Optional<StoredPolicy> stored(PolicyName name) {
    return repository.find(name);
  }

  /** Every policy: the ready-made ones, then the written ones by name. */
  public List<ApprovalPolicy> all() {
    List<ApprovalPolicy> all = new ArrayList<>(BuiltInPolicies.ALL);
    repository.all().forEach(p -> all.add(p.policy()));
    return all;
  }

  /** The written policies with their versions, by name. */
  public List<StoredPolicy> written() {
    return repository.all();
  }

  /** Every version of a written policy, newest first. */
  public List<StoredPolicy> history(PolicyName name) {
    return repository.history(name);
  }
}
