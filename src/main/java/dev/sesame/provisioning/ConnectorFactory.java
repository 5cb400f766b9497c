package dev.sesame.provisioning;

import dev.sesame.common.FieldError;
import java.util.List;
import java.util.Map;

/**
 * Makes connectors of one kind (e.g. {@code ldap}) from a system's settings. One Spring bean per
 * kind; a new identity system is one new subpackage with one factory.
 */
public interface ConnectorFactory {

  /** The kind this factory makes, as written in a system's {@code kind} setting. */
  String kind();

  /** What the console calls this kind, e.g. LDAP directory. */
  String displayName();

  /** The settings of this kind, in the order the console shows them. */
  List<SettingField> fields();

  /** Every problem with these settings, each naming the setting; empty when they are usable. */
  List<FieldError> validate(Map<String, String> settings);

  /** A connector for a system with these (valid) settings. */
  Connector create(ProvisioningSystemId id, Map<String, String> settings);
}
