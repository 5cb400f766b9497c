package dev.sesame.provisioning.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.common.FieldError;
import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.WriteResult;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Okta connector signed in as an OAuth 2.0 API service app with a private-key JWT. */
class OktaServiceAppTest {

  private static final String CLIENT_ID = "0oa1sesameserviceapp";
  private static final Person SAM = new Person(new PersonId("sam.patel"), "sam.patel@brightwave.example",
      "Sam Patel", "Engineer", "engineering", "Berlin", "DE", EmploymentType.FULL_TIME, null, Set.of(), true);

  private static KeyPair registered;
  private static KeyPair other;

  private FakeOkta okta;
  private GroupExternalId figma;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    registered = generator.generateKeyPair();
    other = generator.generateKeyPair();
  }

  @BeforeEach
  void start() {
    okta = FakeOkta.start();
    okta.serviceApp(CLIENT_ID, registered.getPublic());
    okta.user("sam.patel@brightwave.example", "sam.patel@brightwave.example");
    figma = new GroupExternalId(okta.group("figma-users"));
  }

  @AfterEach
  void stop() {
    okta.close();
  }

  @Test
  void addMember_whenSignedInAsServiceApp_thenAppliedWithOneTokenRequest() {
    OktaConnector connector = connect(pem(registered));

    assertThat(connector.testConnection().ok()).isTrue();
    assertThat(connector.addMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
    assertThat(connector.isMember(SAM, figma)).isTrue();
    assertThat(connector.removeMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);

    assertThat(okta.count("POST", "/oauth2/v1/token")).isEqualTo(1);
  }

  @Test
  void addMember_whenAccessTokenExpired_thenRenewedOnceAndApplied() {
    OktaConnector connector = connect(pem(registered));
    connector.findAccount(SAM);
    okta.expireAccessTokens();

    assertThat(connector.addMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);

    assertThat(okta.count("POST", "/oauth2/v1/token")).isEqualTo(2);
  }

  @Test
  void addMember_whenKeyIsNotTheRegisteredOne_thenRejectedNamingTheSettings() {
    OktaConnector connector = connect(pem(other));

    assertThat(connector.addMember(SAM, figma)).isInstanceOfSatisfying(WriteResult.Rejected.class, rejected -> {
      assertThat(rejected.refusal()).isEqualTo(Refusal.INVALID_CONFIGURATION);
      assertThat(rejected.reason()).contains("invalid_client", "client-id", "private-key");
    });
    assertThat(connector.testConnection()).satisfies(check -> {
      assertThat(check.ok()).isFalse();
      assertThat(check.message()).contains("private-key");
    });
  }

  @Test
  void validate_whenBothOrBrokenCredentials_thenFieldsNamed() {
    assertThat(OktaSettings.validate(Map.of("org-url", okta.url(), "api-token", "x", "client-id", CLIENT_ID,
        "private-key", pem(registered)))).extracting(FieldError::field).containsExactly("api-token");
    assertThat(OktaSettings.validate(Map.of("org-url", okta.url(), "client-id", CLIENT_ID,
        "private-key", "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----")))
        .extracting(FieldError::field).containsExactly("private-key");
    assertThat(OktaSettings.validate(Map.of("org-url", okta.url(), "private-key", pem(registered))))
        .extracting(FieldError::field).containsExactly("client-id");
  }

  @Test
  void validate_whenKeyPastedOnOneLine_thenAccepted() {
    String oneLine = pem(registered).replace("\n", "");

    assertThat(OktaSettings.validate(Map.of("org-url", okta.url(), "client-id", CLIENT_ID, "private-key", oneLine)))
        .isEmpty();
  }

  private OktaConnector connect(String pem) {
    return new OktaConnector(new ProvisioningSystemId("okta"), OktaSettings.from(Map.of("org-url", okta.url(),
        "client-id", CLIENT_ID, "private-key", pem, "kid", "sesame-1", "timeout", "5s")), Clock.systemUTC());
  }

  private static String pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
