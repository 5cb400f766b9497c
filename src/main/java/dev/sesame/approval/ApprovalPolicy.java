package dev.sesame.approval;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A named approval policy: ordered stages, who steps in when a stage has nobody left, and the
 * timings of reminders, escalation and expiry. One denial ends a request; a request is approved
 * when every stage that applies to it reached its quorum.
 *
 * @param fallback who decides a stage whose own approvers are missing, inactive or only the
 *     requester; {@code null} means the catalog admins, an empty list means nobody (such a request
 *     goes to the admins as "needs attention", never approved because nobody is left)
 * @param remindEvery remind the approvers who have not decided this often; null: never
 * @param escalateAfter after this long in one stage, the approvers' managers are added; null: never
 * @param expireAfter after this long without a decision the request expires; null: never
 */
public record ApprovalPolicy(
    PolicyName name,
    String description,
    List<StageRule> stages,
    @Nullable List<ApproverSource> fallback,
    @Nullable Duration remindEvery,
    @Nullable Duration escalateAfter,
    @Nullable Duration expireAfter) {

  public ApprovalPolicy {
    description = description.strip();
    stages = List.copyOf(stages);
    fallback = fallback == null ? null : List.copyOf(fallback);
    for (Duration d : new Duration[] {remindEvery, escalateAfter, expireAfter}) {
      if (d != null && (d.isNegative() || d.isZero())) {
        throw new IllegalArgumentException("reminder, escalation and expiry times must be longer than zero");
      }
    }
  }

  /** True when some stage draws on the app admins, so an app with this policy must name one. */
  public boolean needsAppAdmins() {
    return stages.stream().anyMatch(StageRule::needsAppAdmins);
  }

  /** True for the ready-made policies that cannot be changed. */
  public boolean builtIn() {
    return BuiltInPolicies.find(name).isPresent();
  }

  /** The fallback approvers, empty when the catalog admins step in. */
  public Optional<List<ApproverSource>> fallbackSources() {
    return Optional.ofNullable(fallback);
  }
}
