package dev.sesame.provisioning.google;

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

/** The conformance suite against {@link FakeGoogle}, over real HTTP. */
class GoogleConformanceTest extends ConnectorConformanceTest {

  static final Person SAM = person("sam.patel");

  private FakeGoogle google;
  private GoogleConnector connector;
  private GroupExternalId figma;

  @BeforeEach
  void start() {
    google = FakeGoogle.start();
    google.user("Sam.Patel@Brightwave.example");
    String nora = google.user("nora.chen@brightwave.example");
    google.group("figma-users@brightwave.example");
    figma = new GroupExternalId("figma-users@brightwave.example");
    google.addMember(idOf(google, figma), nora);
    google.slowness(Duration.ofSeconds(4));
    connector = connect(google);
  }

  @AfterEach
  void stop() {
    google.close();
  }

  /** A connector to this fake (tokens and API on the same server) that waits two seconds for each answer. */
  static GoogleConnector connect(FakeGoogle google) {
    return new GoogleConnector(new ProvisioningSystemId("google"), GoogleSettings.from(Map.of(
        "service-account-key", google.serviceAccountKey(), "admin-email", FakeGoogle.ADMIN,
        "auth-url", google.tokenUrl(), "api-url", google.url(), "timeout", "2s")), Clock.systemUTC());
  }

  static String idOf(FakeGoogle google, GroupExternalId group) {
    return google.groupId(group.value());
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
    return new GroupExternalId("no-such-group@brightwave.example");
  }

  @Override
  protected Optional<GroupExternalId> malformedGroup() {
    return Optional.of(new GroupExternalId("figma users/all"));
  }

  @Override
  protected void makeUnreachable() {
    google.close();
  }

  @Override
  protected void failNextWrites(Failure failure, int count) {
    google.failNextWrites(switch (failure) {
      case THROTTLED -> FakeGoogle.Fault.THROTTLE;
      case SERVER_ERROR -> FakeGoogle.Fault.SERVER_ERROR;
      case TIMEOUT -> FakeGoogle.Fault.TIMEOUT;
    }, count);
  }

  @Override
  protected int writes() {
    return google.writes();
  }

  @Override
  protected int memberListReads() {
    return google.memberListReads();
  }

  /** Google answers 409 duplicate and 404 itself. */
  @Override
  protected boolean checksBeforeWrite() {
    return false;
  }
}
