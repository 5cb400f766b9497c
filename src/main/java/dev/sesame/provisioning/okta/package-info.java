/** The Okta connector: adds people to and removes them from Okta groups through the Management API. */
@NullMarked
package dev.sesame.provisioning.okta;

import org.jspecify.annotations.NullMarked;
