package dev.sesame.assistant;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a person's conversation stands, stored in the database so that a restart in the middle of
 * a conversation continues it.
 *
 * @param step what the assistant waits for
 * @param app the app being asked for, while choosing a role or confirming
 * @param role the role chosen, while confirming
 * @param requests the request ids last listed under "my requests", so "cancel 2" means the second
 * @param approvals the request ids last listed under "approvals", so "approve 1" means the first
 * @param until the planned end asked for (an ISO instant), while choosing a role or confirming
 * @param renewal true while the person renews access they hold rather than asks for new access
 *     (null, as in states stored before renewals, is false)
 */
record ConversationState(
    Step step,
    @Nullable String app,
    @Nullable String role,
    List<String> requests,
    List<String> approvals,
    @Nullable String until,
    @Nullable Boolean renewal) {

  static final ConversationState NEW = new ConversationState(Step.IDLE, null, null, List.of(), List.of());

  ConversationState(Step step, @Nullable String app, @Nullable String role, List<String> requests,
      List<String> approvals) {
    this(step, app, role, requests, approvals, null, false);
  }

  ConversationState {
    requests = List.copyOf(requests);
    approvals = List.copyOf(approvals);
  }

  /** What the assistant is waiting for. */
  enum Step {
    /** Nothing in particular. */
    IDLE,
    /** The person picks one of the app's roles. */
    CHOOSING_ROLE,
    /** The person says yes or no to submitting. */
    CONFIRMING,
    /** The person says until when they need the app. */
    CHOOSING_END,
    /** The person says yes or no to removing their access to the app. */
    CONFIRMING_REMOVAL
  }

  ConversationState idle() {
    return new ConversationState(Step.IDLE, null, null, requests, approvals);
  }

  ConversationState choosingRole(String appName) {
    return new ConversationState(Step.CHOOSING_ROLE, appName, null, requests, approvals);
  }

  ConversationState confirming(String appName, @Nullable String roleName) {
    return new ConversationState(Step.CONFIRMING, appName, roleName, requests, approvals);
  }

  /** The same step, remembering the planned end asked for and whether it is a renewal. */
  ConversationState withEnd(java.time.@Nullable Instant end, boolean renewal) {
    return new ConversationState(step, app, role, requests, approvals, end == null ? null : end.toString(), renewal);
  }

  ConversationState choosingEnd(String appName, @Nullable String roleName, boolean renewal) {
    return new ConversationState(Step.CHOOSING_END, appName, roleName, requests, approvals, null, renewal);
  }

  ConversationState confirmingRemoval(String appName) {
    return new ConversationState(Step.CONFIRMING_REMOVAL, appName, null, requests, approvals);
  }

  /** True while the person renews access they hold. */
  boolean renew() {
    return Boolean.TRUE.equals(renewal);
  }

  /** The planned end asked for, if any. */
  java.time.@Nullable Instant end() {
    return until == null ? null : java.time.Instant.parse(until);
  }

  ConversationState withRequests(List<String> ids) {
    return new ConversationState(step, app, role, ids, approvals, until, renewal);
  }

  ConversationState withApprovals(List<String> ids) {
    return new ConversationState(step, app, role, requests, ids, until, renewal);
  }
}
