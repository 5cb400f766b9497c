package dev.sesame.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sesame.common.UnavailableException;
import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every connector meets, real or fake: grant, grant again is a no-op, revoke, revoke
 * again is a no-op; unknown people and groups are rejected; an unreachable system means retry.
 * A subclass sets up a fresh system before each test (its own {@code @BeforeEach}).
 */
public abstract class ConnectorConformanceTest {

  /** The connector under test, talking to the system set up for this test. */
  protected abstract Connector connector();

  /** A person the system knows, who is not a member of {@link #group()}. */
  protected abstract Person knownPerson();

  /** A group that exists and has at least one other member. */
  protected abstract GroupExternalId group();

  /** A well-formed ID of a group the system does not have. */
  protected abstract GroupExternalId missingGroup();

  /** An ID the system can never accept; empty when every text is well-formed for this system. */
  protected abstract Optional<GroupExternalId> malformedGroup();

  /** Makes the system unreachable: stop the server, or switch a fake's outage on. */
  protected abstract void makeUnreachable();

  /** A person the system does not know. */
  protected Person unknownPerson() {
    return person("nobody.here");
  }

  /** A full-time person with this login and no groups, as the directory would describe them. */
  protected static Person person(String login) {
    return new Person(new PersonId(login), login + "@brightwave.example", login, "Engineer", "engineering",
        "Berlin", "DE", EmploymentType.FULL_TIME, null, Set.of(), true);
  }

  // --- grant and revoke ----------------------------------------------------------------------

  @Test
  void isMember_whenNeverAdded_thenFalse() {
    assertThat(connector().isMember(knownPerson(), group())).isFalse();
  }

  @Test
  void addMember_whenNotMember_thenAppliedAndVisible() {
    assertThat(connector().addMember(knownPerson(), group())).isInstanceOf(WriteResult.Applied.class);

    assertThat(connector().isMember(knownPerson(), group())).isTrue();
  }

  @Test
  void addMember_whenAlreadyMember_thenAlreadyInState() {
    connector().addMember(knownPerson(), group());

    WriteResult again = connector().addMember(knownPerson(), group());

    assertThat(again).isInstanceOf(WriteResult.AlreadyInState.class);
    assertThat(again.done()).isTrue();
  }

  @Test
  void removeMember_whenMember_thenAppliedAndGone() {
    connector().addMember(knownPerson(), group());

    assertThat(connector().removeMember(knownPerson(), group())).isInstanceOf(WriteResult.Applied.class);

    assertThat(connector().isMember(knownPerson(), group())).isFalse();
  }

  @Test
  void removeMember_whenNotMember_thenAlreadyInState() {
    connector().addMember(knownPerson(), group());
    connector().removeMember(knownPerson(), group());

    assertThat(connector().removeMember(knownPerson(), group())).isInstanceOf(WriteResult.AlreadyInState.class);
  }

  // --- refusals ------------------------------------------------------------------------------

  @Test
  void addMember_whenPersonUnknown_thenRejected() {
    assertThat(connector().addMember(unknownPerson(), group()))
        .isInstanceOfSatisfying(WriteResult.Rejected.class,
            rejected -> assertThat(rejected.reason()).contains(unknownPerson().id().value()));
  }

  @Test
  void addMember_whenGroupMissing_thenRejected() {
    assertThat(connector().addMember(knownPerson(), missingGroup())).isInstanceOf(WriteResult.Rejected.class);
  }

  // --- findGroup -----------------------------------------------------------------------------

  @Test
  void findGroup_whenExists_thenFound() {
    assertThat(connector().findGroup(group()))
        .hasValueSatisfying(info -> {
          assertThat(info.id()).isEqualTo(group());
          assertThat(info.displayName()).isNotBlank();
        });
  }

  @Test
  void findGroup_whenMissing_thenEmpty() {
    assertThat(connector().findGroup(missingGroup())).isEmpty();
  }

  @Test
  void findGroup_whenMalformed_thenEmpty() {
    assumeTrue(malformedGroup().isPresent(), "every ID is well-formed for this system");

    assertThat(connector().findGroup(malformedGroup().get())).isEmpty();
  }

  // --- outages -------------------------------------------------------------------------------

  @Test
  void addMember_whenUnreachable_thenRetryLater() {
    makeUnreachable();

    assertThat(connector().addMember(knownPerson(), group()))
        .isInstanceOfSatisfying(WriteResult.RetryLater.class,
            retry -> assertThat(retry.after()).isPositive());
  }

  @Test
  void removeMember_whenUnreachable_thenRetryLater() {
    makeUnreachable();

    assertThat(connector().removeMember(knownPerson(), group())).isInstanceOf(WriteResult.RetryLater.class);
  }

  @Test
  void isMember_whenUnreachable_thenUnavailable() {
    makeUnreachable();

    assertThatThrownBy(() -> connector().isMember(knownPerson(), group()))
        .isInstanceOf(UnavailableException.class);
  }

  // --- testConnection ------------------------------------------------------------------------

  @Test
  void testConnection_whenReachable_thenOk() {
    assertThat(connector().testConnection().ok()).isTrue();
  }

  @Test
  void testConnection_whenUnreachable_thenNotOkWithMessage() {
    makeUnreachable();

    ConnectionCheck check = connector().testConnection();

    assertThat(check.ok()).isFalse();
    assertThat(check.message()).isNotBlank();
  }
}
