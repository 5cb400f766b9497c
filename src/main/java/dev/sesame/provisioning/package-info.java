/**
 * Provisioning: the connector SPI through which Sesame adds people to groups in identity systems,
 * the configured systems, and their results.
 */
@NullMarked
package dev.sesame.provisioning;

import org.jspecify.annotations.NullMarked;
