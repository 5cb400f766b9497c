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
 */
record ConversationState(
    Step step,
    @Nullable String app,
    @Nullable String role,
    List<String> requests,
    List<String> approvals) {

  static final ConversationState NEW = new ConversationState(Step.IDLE, null, null, List.of(), List.of());

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
    CONFIRMING
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

  ConversationState withRequests(List<String> ids) {
    return new ConversationState(step, app, role, ids, approvals);
  }

  ConversationState withApprovals(List<String> ids) {
    return new ConversationState(step, app, role, requests, ids);
  }
}
