/** The Keycloak connector: group membership in a realm through the admin REST API, with client credentials. */
@NullMarked
package dev.sesame.provisioning.keycloak;

import org.jspecify.annotations.NullMarked;
