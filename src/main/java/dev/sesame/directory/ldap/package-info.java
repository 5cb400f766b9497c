/** Reads people, managers and groups from an LDAP directory, and wires the directory at start-up. */
@NullMarked
package dev.sesame.directory.ldap;

import org.jspecify.annotations.NullMarked;
