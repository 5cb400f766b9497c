/**
 * Approval: the built-in flows, the stages they resolve to for one requester, and the rule that
 * nobody approves their own request.
 */
@NullMarked
package dev.sesame.approval;

import org.jspecify.annotations.NullMarked;
