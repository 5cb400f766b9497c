package dev.sesame.approval;

import java.util.List;
import java.util.Optional;

/**
 * The ready-made policies, named as the admin guide names its flows. They cannot be changed; a
 * company that wants another rule writes its own policy. Each expires a request after 14 days
 * without a decision and reminds the approvers daily.
 */
public final class BuiltInPolicies {

  private static final ApproverSource MANAGER = new ApproverSource.Manager();
  private static final ApproverSource APP_ADMINS = new ApproverSource.AppAdmins();

  /** Nobody: the request is approved when it is submitted. */
  public static final ApprovalPolicy AUTO_APPROVE = policy("AUTO_APPROVE", "Approved at once, nobody decides.");
  /** The requester's manager. */
  public static final ApprovalPolicy MANAGER_ONLY = policy("MANAGER", "The requester's manager approves.",
      stage("Manager", "", MANAGER));
  /** Any one of the app's admins. */
  public static final ApprovalPolicy APP_ADMIN = policy("APP_ADMIN", "Any one of the app admins approves.",
      stage("App admin", "", APP_ADMINS));
  /** An app admin, then the requester's manager. */
  public static final ApprovalPolicy APP_ADMIN_THEN_MANAGER = policy("APP_ADMIN_THEN_MANAGER",
      "An app admin approves, then the requester's manager.",
      stage("App admin", "", APP_ADMINS), stage("Manager", "", MANAGER));
  /** The requester's manager, then an app admin. */
  public static final ApprovalPolicy MANAGER_THEN_APP_ADMIN = policy("MANAGER_THEN_APP_ADMIN",
      "The requester's manager approves, then an app admin.",
      stage("Manager", "", MANAGER), stage("App admin", "", APP_ADMINS));
  /** Nobody for full-time employees; an app admin for contractors and interns. */
  public static final ApprovalPolicy AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN = policy(
      "AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN",
      "Approved at once for full-time employees; an app admin approves for contractors and interns.",
      stage("App admin", "user.employmentType != 'full-time'", APP_ADMINS));

  /** Every ready-made policy, in the order the console lists them. */
  public static final List<ApprovalPolicy> ALL = List.of(AUTO_APPROVE, MANAGER_ONLY, APP_ADMIN,
      APP_ADMIN_THEN_MANAGER, MANAGER_THEN_APP_ADMIN, AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN);

  /** The policy an app gets when its entry names none. */
  public static final PolicyName DEFAULT = MANAGER_ONLY.name();

  private BuiltInPolicies() {}

  /** The ready-made policy with this name (ignoring case). */
  public static Optional<ApprovalPolicy> find(PolicyName name) {
    return ALL.stream().filter(p -> p.name().sameAs(name)).findFirst();
  }

  private static ApprovalPolicy policy(String name, String description, StageRule... stages) {
    return new ApprovalPolicy(new PolicyName(name), description, List.of(stages), null,
        java.time.Duration.ofDays(1), null, java.time.Duration.ofDays(14));
  }

  private static StageRule stage(String name, String when, ApproverSource source) {
    return new StageRule(name, when, List.of(source), Quorum.ANY);
  }
}
