/** The typed, append-only audit trail: every catalog change, request, decision and grant, with its actor. */
@NullMarked
package dev.sesame.audit;

import org.jspecify.annotations.NullMarked;
