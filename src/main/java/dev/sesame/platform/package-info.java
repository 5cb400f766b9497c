/** Platform: the embedded database, durable jobs, the clock and other wiring every module uses. */
@NullMarked
package dev.sesame.platform;

import org.jspecify.annotations.NullMarked;
