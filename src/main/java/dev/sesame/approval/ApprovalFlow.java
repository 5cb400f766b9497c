package dev.sesame.approval;

import dev.sesame.directory.EmploymentType;
import java.util.List;

/** Who must approve a request for an app, as a sequence of stages. */
public enum ApprovalFlow {
  /** Nobody: the request is approved when it is submitted. */
  AUTO_APPROVE(false),
  /** The requester's manager. */
  MANAGER(false),
  /** Any one of the app's admins. */
  APP_ADMIN(true),
  /** An app admin, then the requester's manager. */
  APP_ADMIN_THEN_MANAGER(true),
  /** The requester's manager, then an app admin. */
  MANAGER_THEN_APP_ADMIN(true),
  /** Nobody for full-time employees; an app admin for contractors and interns. */
  AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN(true);

  private final boolean needsAppAdmins;

  ApprovalFlow(boolean needsAppAdmins) {
    this.needsAppAdmins = needsAppAdmins;
  }

  /** True when the flow can involve the app's admins, so the app must name at least one. */
  public boolean needsAppAdmins() {
    return needsAppAdmins;
  }

  /** The kinds of approver, stage by stage, for a requester of this employment type. */
  List<ApproverKind> stagesFor(EmploymentType employmentType) {
    return switch (this) {
      case AUTO_APPROVE -> List.of();
      case MANAGER -> List.of(ApproverKind.MANAGER);
      case APP_ADMIN -> List.of(ApproverKind.APP_ADMIN);
      case APP_ADMIN_THEN_MANAGER -> List.of(ApproverKind.APP_ADMIN, ApproverKind.MANAGER);
      case MANAGER_THEN_APP_ADMIN -> List.of(ApproverKind.MANAGER, ApproverKind.APP_ADMIN);
      case AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN ->
          employmentType == EmploymentType.FULL_TIME ? List.of() : List.of(ApproverKind.APP_ADMIN);
    };
  }
}
