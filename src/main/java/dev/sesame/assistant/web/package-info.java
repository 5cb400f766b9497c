/** The assistant over HTTP: the chat API and the web chat page. */
@NullMarked
package dev.sesame.assistant.web;

import org.jspecify.annotations.NullMarked;
