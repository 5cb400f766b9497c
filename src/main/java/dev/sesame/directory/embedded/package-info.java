/** The demo directory Sesame serves itself when no company directory is configured. */
@NullMarked
package dev.sesame.directory.embedded;

import org.jspecify.annotations.NullMarked;
