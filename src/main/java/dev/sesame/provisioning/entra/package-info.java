/** The Microsoft Entra ID connector: group membership through Microsoft Graph, with client credentials. */
@NullMarked
package dev.sesame.provisioning.entra;

import org.jspecify.annotations.NullMarked;
