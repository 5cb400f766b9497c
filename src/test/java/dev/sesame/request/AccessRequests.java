package dev.sesame.request;

import dev.sesame.approval.ApproverSource;
import dev.sesame.approval.BuiltInPolicies;
import dev.sesame.approval.Quorum;
import dev.sesame.approval.Stage;
import dev.sesame.catalog.AppName;
import dev.sesame.catalog.RoleName;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Access requests in each state, reached through the real transitions. */
final class AccessRequests {

  static final RequestId SAMPLE_ID = new RequestId(UUID.fromString("3f2b8c1e-7d4a-4b6e-9c0f-1a2b3c4d5e6f"));
  static final PersonId REQUESTER = new PersonId("alex.kim");
  static final PersonId MANAGER = new PersonId("priya.nair");
  static final PersonId APP_ADMIN = new PersonId("dana.whitfield");
  static final PersonId OTHER_APP_ADMIN = new PersonId("kenji.sato");
  static final PersonId STRANGER = new PersonId("sam.patel");
  static final AppName APP = new AppName("GitHub");
  static final RoleName ROLE = new RoleName("write");
  static final ProvisioningTarget TARGET = new ProvisioningTarget(new ProvisioningSystemId("corp-ldap"),
      new GroupExternalId("cn=github-write,ou=groups,dc=brightwave,dc=example"));
  static final Stage MANAGER_STAGE = stage("Manager", new ApproverSource.Manager(), MANAGER);
  static final Stage APP_ADMIN_STAGE = stage("App admin", new ApproverSource.AppAdmins(), APP_ADMIN, OTHER_APP_ADMIN);
  static final PolicyTerms TERMS = PolicyTerms.of(BuiltInPolicies.MANAGER_THEN_APP_ADMIN);
  static final Instant SUBMITTED_AT = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant LATER = SUBMITTED_AT.plusSeconds(3600);

  private AccessRequests() {}

  /** A stage any one of {@code approvers} decides. */
  static Stage stage(String name, ApproverSource source, PersonId... approvers) {
    return new Stage(name, List.of(source), Quorum.ANY, Set.of(approvers), 1, "");
  }

  /** Waiting for the manager, then an app admin. */
  static AccessRequest pending() {
    return submitted(List.of(MANAGER_STAGE, APP_ADMIN_STAGE));
  }

  static AccessRequest submitted(List<Stage> stages) {
    return AccessRequest.submit(SAMPLE_ID, REQUESTER, APP, ROLE, TARGET, TERMS, stages, SUBMITTED_AT);
  }

  /** Approved by nobody: the flow needs no approval. */
  static AccessRequest approved() {
    return submitted(List.of());
  }

  static AccessRequest denied() {
    AccessRequest request = pending();
    request.decide(MANAGER, Verdict.DENIED, "not needed", LATER);
    return request;
  }

  static AccessRequest provisioning() {
    AccessRequest request = approved();
    request.startProvisioning(LATER);
    return request;
  }

  static AccessRequest fulfilled() {
    AccessRequest request = provisioning();
    request.fulfil(LATER, "added to the group");
    return request;
  }
}
