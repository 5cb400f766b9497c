/**
 * The Software Catalog: one entry per requestable app, how it is granted, who may have it and who
 * approves; its versions; access rules; YAML import and export.
 */
@NullMarked
package dev.sesame.catalog;

import org.jspecify.annotations.NullMarked;
