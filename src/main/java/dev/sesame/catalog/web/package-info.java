/** The catalog's REST API: list, read, create, update, archive, history, YAML export and import. */
@NullMarked
package dev.sesame.catalog.web;

import org.jspecify.annotations.NullMarked;
