/** People: identity, manager chain, attributes, status and group membership, read from the directory. */
@NullMarked
package dev.sesame.directory;

import org.jspecify.annotations.NullMarked;
