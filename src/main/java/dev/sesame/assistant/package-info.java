/**
 * The assistant: understands what a person writes (an app by name, alias or typo; a role by
 * number, name or hint; yes/no; status; cancel; approvals; help), keeps the conversation in the
 * database, and answers the way a good service desk would.
 */
@NullMarked
package dev.sesame.assistant;

import org.jspecify.annotations.NullMarked;
