package dev.sesame.request;

import dev.sesame.directory.PersonId;
import java.util.Set;

/**
 * What happened to a request, published inside the transaction that changed it, so that a
 * listener's own writes (e.g. chat messages) commit or roll back with the change.
 */
public sealed interface RequestEvent {

  /** The request concerned, as it is after the change. */
  AccessRequest request();

  /** A request was submitted; {@code approvers} are asked first (empty when approved at once). */
  record Submitted(AccessRequest request, Set<PersonId> approvers) implements RequestEvent {}

  /** A stage was approved and the next stage's approvers are asked. */
  record NextStage(AccessRequest request, PersonId decidedBy, Set<PersonId> approvers) implements RequestEvent {}

  /** Every stage approved; provisioning is queued. */
  record Approved(AccessRequest request, String decidedBy) implements RequestEvent {}

  /** An approver said no. */
  record Denied(AccessRequest request, PersonId decidedBy, String comment) implements RequestEvent {}

  /** The requester withdrew the request. */
  record Cancelled(AccessRequest request) implements RequestEvent {}

  /** The identity system confirmed the access. */
  record Fulfilled(AccessRequest request) implements RequestEvent {}

  /** Sesame could not carry the request out; a person must act. */
  record NeedsAttention(AccessRequest request, String reason) implements RequestEvent {}

  /**
   * Sesame closed the request for {@code reason}; {@code approvers} were waiting for it and have
   * nothing left to decide.
   */
  record Closed(AccessRequest request, String reason, Set<PersonId> approvers) implements RequestEvent {}

  /**
   * The waiting stage's approvers changed: {@code removed} no longer decide, {@code added} now do.
   */
  record Reassigned(AccessRequest request, Set<PersonId> removed, Set<PersonId> added, String reason)
      implements RequestEvent {}

  /** The stage waited long: the approvers' managers were added. */
  record Escalated(AccessRequest request, Set<PersonId> added) implements RequestEvent {}

  /** The approvers who have not decided are reminded. */
  record Reminded(AccessRequest request, Set<PersonId> approvers) implements RequestEvent {}

  /** Nobody decided in time; {@code approvers} were still asked. */
  record Expired(AccessRequest request, Set<PersonId> approvers, String reason) implements RequestEvent {}

  /** A catalog admin decided over the stages, with a reason. */
  record Overridden(AccessRequest request, PersonId admin, Verdict verdict, String reason, Set<PersonId> approvers)
      implements RequestEvent {}

  /**
   * {@code actor} asked for the access of {@code grant} to end; the removal is queued. The
   * request is the one that created the grant.
   */
  record AccessEnding(AccessRequest request, Grant grant, String actor, String reason) implements RequestEvent {}

  /** The identity system confirmed that the access of {@code grant} is gone. */
  record AccessEnded(AccessRequest request, Grant grant, String reason) implements RequestEvent {}

  /** Removing the access failed too often; the grant stays ending and a person must act. */
  record AccessEndFailed(AccessRequest request, Grant grant, String error) implements RequestEvent {}

  /** The access of {@code grant} ends soon, at its planned end. */
  record AccessEndingSoon(AccessRequest request, Grant grant) implements RequestEvent {}

  /** A renewal was fulfilled: the access of {@code grant} now lasts until {@code grant.endsAt()}. */
  record AccessRenewed(AccessRequest request, Grant grant) implements RequestEvent {}

  /**
   * Setting up the access failed {@code failures} times and is retried; published once per request.
   * {@code error} is the last error, for the admins.
   */
  record Delayed(AccessRequest request, int failures, String error) implements RequestEvent {}

  /** An admin asked Sesame to set up the access again after provisioning gave up. */
  record Retried(AccessRequest request, PersonId admin) implements RequestEvent {}

  /**
   * An admin gave up provisioning for good: the request is closed and people take it from here,
   * with the admin's {@code note}. Filing a ticket for it is the ticketing workflow's job, which
   * can listen for this event.
   */
  record HandedOver(AccessRequest request, PersonId admin, String note) implements RequestEvent {}
}
