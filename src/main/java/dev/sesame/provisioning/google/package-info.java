/**
 * The Google Workspace connector: group membership through the Admin SDK Directory API, with a
 * service account and domain-wide delegation.
 */
@NullMarked
package dev.sesame.provisioning.google;

import org.jspecify.annotations.NullMarked;
