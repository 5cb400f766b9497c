/** The audit log over HTTP, for catalog admins. */
@NullMarked
package dev.sesame.audit.web;

import org.jspecify.annotations.NullMarked;
