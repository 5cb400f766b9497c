package dev.sesame.provisioning.keycloak;

import dev.sesame.directory.Person;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.ConnectorConformanceTest;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The conformance suite against {@link FakeKeycloak}, over real HTTP. */
class KeycloakConformanceTest extends ConnectorConformanceTest {

  static final Person SAM = person("sam.patel");

  private FakeKeycloak keycloak;
  private KeycloakConnector connector;
  private GroupExternalId figma;

  @BeforeEach
  void start() {
    keycloak = FakeKeycloak.start();
    keycloak.user("Sam.Patel", "sam.patel@brightwave.example");
    String nora = keycloak.user("nora.chen", "nora.chen@brightwave.example");
    figma = new GroupExternalId(keycloak.group("figma-users"));
    keycloak.addMember(figma.value(), nora);
    keycloak.slowness(Duration.ofSeconds(4));
    connector = connect(keycloak);
  }

  @AfterEach
  void stop() {
    keycloak.close();
  }

  static KeycloakConnector connect(FakeKeycloak keycloak) {
    return new KeycloakConnector(new ProvisioningSystemId("keycloak"), KeycloakSettings.from(Map.of(
        "base-url", keycloak.url(), "realm", FakeKeycloak.REALM, "client-id", FakeKeycloak.CLIENT_ID,
        "client-secret", FakeKeycloak.CLIENT_SECRET, "timeout", "2s")), Clock.systemUTC());
  }

  @Override
  protected Connector connector() {
    return connector;
  }

  @Override
  protected Person knownPerson() {
    return SAM;
  }

  @Override
  protected GroupExternalId group() {
    return figma;
  }

  @Override
  protected GroupExternalId missingGroup() {
    return new GroupExternalId("11111111-2222-4333-8444-555555555555");
  }

  @Override
  protected Optional<GroupExternalId> malformedGroup() {
    return Optional.of(new GroupExternalId("/figma-users"));
  }

  @Override
  protected void makeUnreachable() {
    keycloak.close();
  }

  @Override
  protected void failNextWrites(Failure failure, int count) {
    keycloak.failNextWrites(switch (failure) {
      case THROTTLED -> FakeKeycloak.Fault.THROTTLE;
      case SERVER_ERROR -> FakeKeycloak.Fault.SERVER_ERROR;
      case TIMEOUT -> FakeKeycloak.Fault.TIMEOUT;
    }, count);
  }

  @Override
  protected int writes() {
    return keycloak.writes();
  }

  @Override
  protected int memberListReads() {
    return keycloak.memberListReads();
  }

  /** Keycloak answers 204 to a repeated PUT or DELETE, so the connector reads the person's groups first. */
  @Override
  protected boolean checksBeforeWrite() {
    return true;
  }
}
