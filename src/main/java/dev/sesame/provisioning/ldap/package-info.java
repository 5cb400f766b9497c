/** The LDAP connector: adds people to and removes them from LDAP groups. */
@NullMarked
package dev.sesame.provisioning.ldap;

import org.jspecify.annotations.NullMarked;
