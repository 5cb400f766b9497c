/** Provisioning systems over HTTP: the console pages to list, create, edit and test them, and the read-only API. */
@NullMarked
package dev.sesame.provisioning.web;

import org.jspecify.annotations.NullMarked;
