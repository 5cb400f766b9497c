package dev.sesame.provisioning.entra;

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

/** The conformance suite against {@link FakeGraph}, over real HTTP. */
class EntraConformanceTest extends ConnectorConformanceTest {

  static final Person SAM = person("sam.patel");

  private FakeGraph graph;
  private EntraConnector connector;
  private GroupExternalId figma;

  @BeforeEach
  void start() {
    graph = FakeGraph.start();
    graph.user("Sam.Patel@Brightwave.example", "sam.patel@brightwave.example", "sam.patel");
    String nora = graph.user("nora.chen@brightwave.example", "nora.chen@brightwave.example", "nora.chen");
    figma = new GroupExternalId(graph.group("figma-users"));
    graph.addMember(figma.value(), nora);
    graph.slowness(Duration.ofSeconds(4));
    connector = connect(graph, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    graph.close();
  }

  /** A connector to this fake (token and Graph on the same server) that waits two seconds for each answer. */
  static EntraConnector connect(FakeGraph graph, Clock clock) {
    return new EntraConnector(new ProvisioningSystemId("entra"), EntraSettings.from(Map.of(
        "authority", graph.url(), "graph-url", graph.url(), "tenant-id", FakeGraph.TENANT,
        "client-id", FakeGraph.CLIENT_ID, "client-secret", FakeGraph.CLIENT_SECRET, "timeout", "2s")), clock);
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
    return Optional.of(new GroupExternalId("figma-users"));
  }

  @Override
  protected void makeUnreachable() {
    graph.close();
  }

  @Override
  protected void failNextWrites(Failure failure, int count) {
    graph.failNextWrites(switch (failure) {
      case THROTTLED -> FakeGraph.Fault.THROTTLE;
      case SERVER_ERROR -> FakeGraph.Fault.SERVER_ERROR;
      case TIMEOUT -> FakeGraph.Fault.TIMEOUT;
    }, count);
  }

  @Override
  protected int writes() {
    return graph.writes();
  }

  @Override
  protected int memberListReads() {
    return graph.memberListReads();
  }

  /** Graph answers "already exist" (400) and 404 itself. */
  @Override
  protected boolean checksBeforeWrite() {
    return false;
  }
}
