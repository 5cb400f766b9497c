package dev.sesame.provisioning.ldap;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The conformance suite against a real OpenLDAP server whose groups are {@code groupOfUniqueNames}
 * (the sample groups rewritten), with a connection configured for {@code uniqueMember}.
 */
class SlapdUniqueMemberConnectorIT extends SlapdConnectorIT {

  @Override
  UnaryOperator<String> ldif() {
    return text -> text.replace("objectClass: groupOfNames", "objectClass: groupOfUniqueNames")
        .replaceAll("(?m)^member: ", "uniqueMember: ");
  }

  @Override
  Map<String, String> extraSettings() {
    return Map.of("membership-attribute", "uniqueMember");
  }
}
