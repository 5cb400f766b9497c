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
 * again is a no-op; unknown people and groups are rejected; throttling, server errors, timeouts
 * and an unreachable system mean retry — each with the exact number of membership writes the
 * target saw, and never a read of a whole member list. A subclass sets up a fresh system before
 * each test (its own {@code @BeforeEach}) and says how to make it fail and what it counted.
 */
public abstract class ConnectorConformanceTest {

  /** A way the target can be told to fail its next membership writes. */
  protected enum Failure {
    /** Too many requests (HTTP 429 with a reset time, LDAP busy). */
    THROTTLED,
    /** The server fails (HTTP 500, LDAP unavailable). */
    SERVER_ERROR,
    /** The server answers later than the connector waits. */
    TIMEOUT
  }

  /**
   * Makes the target fail its next {@code count} membership writes this way, each one counted as
   * a write. A target that truly cannot produce a failure kind aborts the test with {@link
   * org.junit.jupiter.api.Assumptions} and says why.
   */
  protected abstract void failNextWrites(Failure failure, int count);

  /** The membership writes (add or remove one member) the target received so far, refused ones included. */
  protected abstract int writes();

  /** The reads of a group's whole member list the target served so far (the contract wants none). */
  protected abstract int memberListReads();

  /**
   * True when the connector checks membership before writing (the system answers "done" to a
   * repeated write without saying it was already so, e.g. Okta's PUT); then a repeated grant or
   * revoke makes no write at all. False when the system itself answers "already".
   */
  protected abstract boolean checksBeforeWrite();

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

  @Test
  void grantAndRevoke_thenEachStepReportedWithExactWrites() {
    int repeatWrites = checksBeforeWrite() ? 0 : 1;

    assertThat(connector().addMember(knownPerson(), group())).isInstanceOf(WriteResult.Applied.class);
    assertThat(writes()).as("writes after the grant").isEqualTo(1);
    assertThat(connector().isMember(knownPerson(), group())).isTrue();
    assertThat(connector().addMember(knownPerson(), group())).isInstanceOf(WriteResult.AlreadyInState.class);
    assertThat(writes()).as("writes after the repeated grant").isEqualTo(1 + repeatWrites);

    assertThat(connector().removeMember(knownPerson(), group())).isInstanceOf(WriteResult.Applied.class);
    assertThat(writes()).as("writes after the revoke").isEqualTo(2 + repeatWrites);
    assertThat(connector().isMember(knownPerson(), group())).isFalse();
    assertThat(connector().removeMember(knownPerson(), group())).isInstanceOf(WriteResult.AlreadyInState.class);
    assertThat(writes()).as("writes after the repeated revoke").isEqualTo(2 + 2 * repeatWrites);

    assertThat(memberListReads()).as("member lists read").isZero();
  }

  @Test
  void membership_whenDirectMember_thenMemberWithoutPath() {
    connector().addMember(knownPerson(), group());

    assertThat(connector().membership(knownPerson(), group())).isEqualTo(Membership.direct());
    assertThat(connector().membership(unknownPerson(), group())).isEqualTo(Membership.none());
  }

  // --- findAccount ---------------------------------------------------------------------------

  @Test
  void findAccount_whenKnown_thenFoundWithId() {
    assertThat(connector().findAccount(knownPerson()))
        .hasValueSatisfying(account -> assertThat(account.id().value()).isNotBlank());
  }

  @Test
  void findAccount_whenUnknown_thenEmpty() {
    assertThat(connector().findAccount(unknownPerson())).isEmpty();
  }

  // --- failures then success -----------------------------------------------------------------

  @Test
  void addMember_whenThrottledOnce_thenRetryLaterThenApplied() {
    failNextWrites(Failure.THROTTLED, 1);

    assertThat(connector().addMember(knownPerson(), group()))
        .isInstanceOfSatisfying(WriteResult.RetryLater.class, retry -> {
          assertThat(retry.after()).isPositive();
          assertThat(retry.why()).isEqualTo(WriteResult.RetryLater.Why.THROTTLED);
        });
    assertThat(connector().addMember(knownPerson(), group())).isInstanceOf(WriteResult.Applied.class);

    assertThat(writes()).isEqualTo(2);
    assertThat(connector().isMember(knownPerson(), group())).isTrue();
  }

  @Test
  void addMember_whenServerErrorOnce_thenRetryLaterThenApplied() {
    failNextWrites(Failure.SERVER_ERROR, 1);

    assertThat(connector().addMember(knownPerson(), group()))
        .isInstanceOfSatisfying(WriteResult.RetryLater.class, retry -> assertThat(retry.after()).isPositive());
    assertThat(connector().addMember(knownPerson(), group())).isInstanceOf(WriteResult.Applied.class);

    assertThat(writes()).isEqualTo(2);
  }

  @Test
  void removeMember_whenServerErrorOnce_thenRetryLaterThenApplied() {
    connector().addMember(knownPerson(), group());
    failNextWrites(Failure.SERVER_ERROR, 1);

    assertThat(connector().removeMember(knownPerson(), group())).isInstanceOf(WriteResult.RetryLater.class);
    assertThat(connector().removeMember(knownPerson(), group())).isInstanceOf(WriteResult.Applied.class);

    assertThat(writes()).isEqualTo(3);
  }

  @Test
  void addMember_whenTimedOutOnce_thenRetryLaterThenDone() {
    failNextWrites(Failure.TIMEOUT, 1);

    assertThat(connector().addMember(knownPerson(), group()))
        .isInstanceOfSatisfying(WriteResult.RetryLater.class, retry -> assertThat(retry.after()).isPositive());
    // NB. a timed-out write may still have happened; the retry converges either way.
    assertThat(connector().addMember(knownPerson(), group()).done()).isTrue();

    assertThat(writes()).isEqualTo(2);
    assertThat(connector().isMember(knownPerson(), group())).isTrue();
  }

  // --- refusals ------------------------------------------------------------------------------

  @Test
  void addMember_whenPersonUnknown_thenRejectedWithoutWrite() {
    assertThat(connector().addMember(unknownPerson(), group()))
        .isInstanceOfSatisfying(WriteResult.Rejected.class, rejected -> {
          assertThat(rejected.reason()).contains(unknownPerson().id().value());
          assertThat(rejected.refusal()).isEqualTo(Refusal.PERSON_NOT_FOUND);
        });

    assertThat(writes()).isZero();
  }

  @Test
  void addMember_whenGroupMissing_thenRejectedAfterOneWrite() {
    assertThat(connector().addMember(knownPerson(), missingGroup()))
        .isInstanceOfSatisfying(WriteResult.Rejected.class,
            rejected -> assertThat(rejected.refusal()).isEqualTo(Refusal.GROUP_NOT_FOUND));

    assertThat(writes()).isEqualTo(1);
  }

  @Test
  void isMember_whenPersonUnknownOrGroupMissing_thenFalse() {
    assertThat(connector().isMember(unknownPerson(), group())).isFalse();
    assertThat(connector().isMember(knownPerson(), missingGroup())).isFalse();
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
