package dev.sesame.provisioning.scim;

import dev.sesame.directory.Person;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.ConnectorConformanceTest;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The conformance suite against {@link FakeScim} (RFC flavour), over real HTTP. */
class ScimConformanceTest extends ConnectorConformanceTest {

  static final Person SAM = person("sam.patel");

  private FakeScim scim;
  private ScimConnector connector;
  private GroupExternalId figma;

  @BeforeEach
  void start() {
    scim = FakeScim.start();
    scim.user("Sam.Patel@Brightwave.example", "sam.patel@brightwave.example");
    String nora = scim.user("nora.chen@brightwave.example", "nora.chen@brightwave.example");
    figma = new GroupExternalId(scim.group("figma-users"));
    scim.addMember(figma.value(), nora);
    scim.slowness(Duration.ofSeconds(4));
    connector = connect(scim, Map.of());
  }

  @AfterEach
  void stop() {
    scim.close();
  }

  /** A connector to this fake that waits two seconds for each answer, with these extra settings. */
  static ScimConnector connect(FakeScim scim, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of("base-url", scim.url(), "bearer-token", FakeScim.TOKEN,
        "timeout", "2s"));
    settings.putAll(extra);
    return new ScimConnector(new ProvisioningSystemId("scim"), ScimSettings.from(settings), Clock.systemUTC());
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
    return new GroupExternalId("2819c223-7f76-453a-919d-999999999999");
  }

  /** SCIM ids are opaque: every text is a well-formed id (quotes and slashes are escaped). */
  @Override
  protected Optional<GroupExternalId> malformedGroup() {
    return Optional.empty();
  }

  @Override
  protected void makeUnreachable() {
    scim.close();
  }

  @Override
  protected void failNextWrites(Failure failure, int count) {
    scim.failNextWrites(switch (failure) {
      case THROTTLED -> FakeScim.Fault.THROTTLE;
      case SERVER_ERROR -> FakeScim.Fault.SERVER_ERROR;
      case TIMEOUT -> FakeScim.Fault.TIMEOUT;
    }, count);
  }

  @Override
  protected int writes() {
    return scim.writes();
  }

  @Override
  protected int memberListReads() {
    return scim.memberListReads();
  }

  /** SCIM answers a repeated add or remove with plain success, so the connector checks first. */
  @Override
  protected boolean checksBeforeWrite() {
    return true;
  }
}
