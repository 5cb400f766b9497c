/** Security and error mapping for every HTTP endpoint. */
@NullMarked
package dev.sesame.platform.web;

import org.jspecify.annotations.NullMarked;
