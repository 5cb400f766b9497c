package dev.sesame.provisioning.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LdapConnectorFactoryTest {

  private static final Map<String, String> SAMPLE_SETTINGS = Map.of(
      "kind", "ldap",
      "url", "ldaps://ldap.brightwave.example:636",
      "bind-dn", "cn=sesame,ou=services,dc=brightwave,dc=example",
      "bind-password", "secret");

  private final LdapConnectorFactory factory = new LdapConnectorFactory();

  @Test
  void kind_thenLdap() {
    assertThat(factory.kind()).isEqualTo("ldap");
  }

  // --- validate ------------------------------------------------------------------------------

  @Test
  void validate_whenComplete_thenNoErrors() {
    assertThat(factory.validate(SAMPLE_SETTINGS)).isEmpty();
  }

  @Test
  void validate_whenOnlyUrl_thenNoErrors() {
    assertThat(factory.validate(Map.of("url", "ldap://127.0.0.1:10389"))).isEmpty();
  }

  @Test
  void validate_whenUrlMissing_thenUrlRequired() {
    assertThat(factory.validate(Map.of())).extracting(FieldError::field).containsExactly("url");
  }

  @Test
  void validate_whenUrlIsHttp_thenUrlErrorSaysWhichSchemes() {
    assertThat(factory.validate(with("url", "https://ldap.brightwave.example")))
        .containsExactly(new FieldError("url", "must start with ldap:// or ldaps://"));
  }

  @Test
  void validate_whenBindDnIsNotDn_thenBindDnError() {
    assertThat(factory.validate(with("bind-dn", "sesame"))).extracting(FieldError::field).containsExactly("bind-dn");
  }

  @Test
  void validate_whenBindDnWithoutPassword_thenPasswordRequired() {
    assertThat(factory.validate(with("bind-password", ""))).extracting(FieldError::field)
        .containsExactly("bind-password");
  }

  @Test
  void validate_whenUnknownMembershipAttribute_thenErrorListsChoices() {
    List<FieldError> errors = factory.validate(with("membership-attribute", "memberOf"));

    assertThat(errors).singleElement().satisfies(error -> {
      assertThat(error.field()).isEqualTo("membership-attribute");
      assertThat(error.reason()).contains("member", "uniqueMember", "memberUid");
    });
  }

  @Test
  void validate_whenStartTlsNotBoolean_thenStartTlsError() {
    assertThat(factory.validate(with("url", "ldap://ldap.brightwave.example", "start-tls", "yes")))
        .extracting(FieldError::field).containsExactly("start-tls");
  }

  @Test
  void validate_whenStartTlsWithLdaps_thenStartTlsError() {
    assertThat(factory.validate(with("start-tls", "true"))).extracting(FieldError::field).containsExactly("start-tls");
  }

  @Test
  void validate_whenPeopleBaseOrLoginAttributeInvalid_thenBothReported() {
    assertThat(factory.validate(with("people-base", "people", "login-attribute", "(uid)")))
        .extracting(FieldError::field).containsExactly("people-base", "login-attribute");
  }

  @Test
  void validate_whenKeysInCamelCase_thenReadAsKebabCase() {
    assertThat(factory.validate(Map.of("url", "ldap://ldap.brightwave.example", "bindDn", "cn=sesame",
        "bindPassword", "secret", "membershipAttribute", "uniqueMember"))).isEmpty();
  }

  @Test
  void validate_whenFlavourOrReferralsUnknown_thenBothReported() {
    assertThat(factory.validate(with("flavour", "novell", "referrals", "chase")))
        .extracting(FieldError::field).containsExactly("flavour", "referrals");
  }

  @Test
  void validate_whenActiveDirectoryWithUniqueMember_thenMembershipAttributeError() {
    assertThat(factory.validate(with("flavour", "active-directory", "membership-attribute", "uniqueMember")))
        .singleElement().satisfies(error -> {
          assertThat(error.field()).isEqualTo("membership-attribute");
          assertThat(error.reason()).contains("set membership-attribute to member");
        });
  }

  @Test
  void settings_whenActiveDirectory_thenSamAccountNameAndReferralsIgnoredByDefault() {
    LdapConnectorSettings settings = LdapConnectorSettings.from(with("flavour", "active-directory"));

    assertThat(settings.loginAttribute()).isEqualTo("sAMAccountName");
    assertThat(settings.followReferrals()).isFalse();
    assertThat(LdapConnectorSettings.from(with("flavour", "AD", "referrals", "follow")).followReferrals()).isTrue();
  }

  // --- create --------------------------------------------------------------------------------

  @Test
  void create_whenInvalid_thenInvalidInputNamingTheKey() {
    assertThatThrownBy(() -> factory.create(new ProvisioningSystemId("corp-ldap"), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("url");
  }

  @Test
  void settings_toString_thenNoPassword() {
    assertThat(LdapConnectorSettings.from(SAMPLE_SETTINGS).toString()).doesNotContain("secret");
  }

  private static Map<String, String> with(String... keysAndValues) {
    Map<String, String> settings = new HashMap<>(SAMPLE_SETTINGS);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      settings.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return settings;
  }
}
