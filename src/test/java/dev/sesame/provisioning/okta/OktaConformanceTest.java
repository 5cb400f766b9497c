package dev.sesame.provisioning.okta;

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

/** The conformance suite against {@link FakeOkta}, over real HTTP. */
class OktaConformanceTest extends ConnectorConformanceTest {

  static final Person SAM = person("sam.patel");

  private FakeOkta okta;
  private OktaConnector connector;
  private GroupExternalId figma;

  @BeforeEach
  void start() {
    okta = FakeOkta.start();
    // Okta logins are usually e-mail addresses, in whatever case the admin typed them.
    okta.user("Sam.Patel@Brightwave.example", "sam.patel@brightwave.example");
    String nora = okta.user("nora.chen@brightwave.example", "nora.chen@brightwave.example");
    figma = new GroupExternalId(okta.group("figma-users"));
    okta.addMember(figma.value(), nora);
    okta.slowness(Duration.ofSeconds(4));
    connector = connect(okta, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    okta.close();
  }

  /** A connector to this fake that waits two seconds for each answer for each answer. */
  static OktaConnector connect(FakeOkta okta, Clock clock) {
    return new OktaConnector(new ProvisioningSystemId("okta"), OktaSettings.from(Map.of(
        "org-url", okta.url(), "api-token", FakeOkta.TOKEN, "timeout", "2s")), clock);
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
    return new GroupExternalId("00g00000000000000099");
  }

  @Override
  protected Optional<GroupExternalId> malformedGroup() {
    return Optional.of(new GroupExternalId("figma-users"));
  }

  @Override
  protected void makeUnreachable() {
    okta.close();
  }

  @Override
  protected void failNextWrites(Failure failure, int count) {
    okta.failNextWrites(switch (failure) {
      case THROTTLED -> FakeOkta.Fault.THROTTLE;
      case SERVER_ERROR -> FakeOkta.Fault.SERVER_ERROR;
      case TIMEOUT -> FakeOkta.Fault.TIMEOUT;
    }, count);
  }

  @Override
  protected int writes() {
    return okta.writes();
  }

  @Override
  protected int memberListReads() {
    return okta.memberListReads();
  }

  /** Okta answers 204 to a repeated PUT or DELETE, so the connector reads the person's groups first. */
  @Override
  protected boolean checksBeforeWrite() {
    return true;
  }
}
