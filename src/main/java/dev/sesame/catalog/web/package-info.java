/** The catalog over HTTP: the REST API (list, read, create, update, archive, history, YAML import and export) and the admin console pages. */
@NullMarked
package dev.sesame.catalog.web;

import org.jspecify.annotations.NullMarked;
