/** Tiny, domain-free helpers: the exception family every module throws and field errors. */
@NullMarked
package dev.sesame.common;

import org.jspecify.annotations.NullMarked;
