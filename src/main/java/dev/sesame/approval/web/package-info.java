/** HTTP for approvals: delegations. */
@NullMarked
package dev.sesame.approval.web;

import org.jspecify.annotations.NullMarked;
