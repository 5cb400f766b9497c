package dev.sesame.approval;

import dev.sesame.directory.PersonId;
import java.util.Set;

/**
 * One step of approval: any one of its approvers decides it.
 *
 * @param kind where the approvers came from; {@link ApproverKind#FALLBACK} when the usual approvers
 *     were missing or were only the requester
 * @param approvers who may decide, never including the requester; empty only when nobody at all is
 *     left, and then the request waits for an admin
 */
public record Stage(ApproverKind kind, Set<PersonId> approvers) {

  public Stage {
    approvers = Set.copyOf(approvers);
  }
}
