/**
 * HTTP plumbing shared by the REST connectors (Okta, Entra ID): one JDK client pinned to HTTP/1.1,
 * JSON bodies, {@code Link} paging and the retry times vendors put in their headers.
 */
@NullMarked
package dev.sesame.provisioning.http;

import org.jspecify.annotations.NullMarked;
