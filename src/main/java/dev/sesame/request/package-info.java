/**
 * Requests and grants: one person asking for one app (and role), its approval stages and
 * decisions, its provisioning, and the access it created. One use-case class per action.
 */
@NullMarked
package dev.sesame.request;

import org.jspecify.annotations.NullMarked;
