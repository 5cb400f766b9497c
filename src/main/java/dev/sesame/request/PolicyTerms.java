package dev.sesame.request;

import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.ApproverSource;
import dev.sesame.approval.PolicyName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The parts of its approval policy a request keeps from the moment it was submitted: a policy
 * changed later applies to new requests, never to one already waiting.
 *
 * @param fallback who stands in for missing approvers; null means the catalog admins
 */
public record PolicyTerms(PolicyName policy, @Nullable List<ApproverSource> fallback, @Nullable Duration remindEvery,
    @Nullable Duration escalateAfter, @Nullable Duration expireAfter) {

  public PolicyTerms {
    fallback = fallback == null ? null : List.copyOf(fallback);
  }

  /** The terms of this policy. */
  public static PolicyTerms of(ApprovalPolicy policy) {
    return new PolicyTerms(policy.name(), policy.fallback(), policy.remindEvery(), policy.escalateAfter(),
        policy.expireAfter());
  }

  public Optional<Duration> reminders() {
    return Optional.ofNullable(remindEvery);
  }

  public Optional<Duration> escalation() {
    return Optional.ofNullable(escalateAfter);
  }

  public Optional<Duration> expiry() {
    return Optional.ofNullable(expireAfter);
  }
}
