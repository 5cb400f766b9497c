/** The SCIM 2.0 connector (RFC 7643/7644): group membership through any SaaS that serves SCIM groups. */
@NullMarked
package dev.sesame.provisioning.scim;

import org.jspecify.annotations.NullMarked;
