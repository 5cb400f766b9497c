/** Requests over HTTP: the REST API and the approvals page. */
@NullMarked
package dev.sesame.request.web;

import org.jspecify.annotations.NullMarked;
