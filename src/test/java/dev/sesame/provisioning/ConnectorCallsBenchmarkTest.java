package dev.sesame.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.entra.EntraConnectorFactory;
import dev.sesame.provisioning.entra.FakeGraph;
import dev.sesame.provisioning.google.FakeGoogle;
import dev.sesame.provisioning.google.GoogleConnectorFactory;
import dev.sesame.provisioning.keycloak.FakeKeycloak;
import dev.sesame.provisioning.keycloak.KeycloakConnectorFactory;
import dev.sesame.provisioning.okta.FakeOkta;
import dev.sesame.provisioning.okta.OktaConnectorFactory;
import dev.sesame.provisioning.scim.FakeScim;
import dev.sesame.provisioning.scim.ScimConnectorFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Calls per grant and per revoke for the REST connectors, against their fakes, for people added to
 * a group that already has more members than one page: prints the figures, and holds each
 * connector to exactly one write per change and no read of a member list. Times are printed for
 * information only, never asserted.
 */
class ConnectorCallsBenchmarkTest {

  private static final int PEOPLE = 40;
  private static final int OTHER_MEMBERS = 450;
  private static final ProvisioningSystemId SYSTEM = new ProvisioningSystemId("bench");

  @Test
  void okta_whenGrantingAndRevoking_thenOneWriteEachAndNoMemberListRead() {
    try (FakeOkta okta = FakeOkta.start()) {
      String group = okta.group("everyone");
      for (int i = 0; i < OTHER_MEMBERS; i++) {
        okta.addMember(group, okta.user("m" + i + "@brightwave.example", "m" + i + "@brightwave.example"));
      }
      List<Person> people = people();
      people.forEach(p -> okta.user(p.email(), p.email()));
      Connector connector = new OktaConnectorFactory(Clock.systemUTC()).create(SYSTEM, Map.of(
          "org-url", okta.url(), "api-token", FakeOkta.TOKEN));

      Figures figures = run("okta", connector, new GroupExternalId(group), people, () -> okta.calls().size(),
          okta::writes, okta::memberListReads);

      assertThat(figures.grantWrites()).isEqualTo(PEOPLE);
      assertThat(figures.revokeWrites()).isEqualTo(PEOPLE);
      assertThat(okta.memberListReads()).isZero();
    }
  }

  @Test
  void entra_whenGrantingAndRevoking_thenOneWriteEachAndNoMemberListRead() {
    try (FakeGraph graph = FakeGraph.start()) {
      String group = graph.group("everyone");
      for (int i = 0; i < OTHER_MEMBERS; i++) {
        graph.addMember(group, graph.user("m" + i + "@brightwave.example", "m" + i + "@brightwave.example", "m" + i));
      }
      List<Person> people = people();
      people.forEach(p -> graph.user(p.email(), p.email(), p.id().value()));
      Connector connector = new EntraConnectorFactory(Clock.systemUTC()).create(SYSTEM, Map.of(
          "authority", graph.url(), "graph-url", graph.url(), "tenant-id", FakeGraph.TENANT,
          "client-id", FakeGraph.CLIENT_ID, "client-secret", FakeGraph.CLIENT_SECRET));

      Figures figures = run("entra", connector, new GroupExternalId(group), people, () -> graph.calls().size(),
          graph::writes, graph::memberListReads);

      assertThat(figures.grantWrites()).isEqualTo(PEOPLE);
      assertThat(figures.revokeWrites()).isEqualTo(PEOPLE);
      assertThat(graph.memberListReads()).isZero();
      assertThat(graph.tokenRequests()).isEqualTo(1);
    }
  }

  @Test
  void scim_whenGrantingAndRevoking_thenOneWriteEachAndNoMemberListRead() {
    try (FakeScim scim = FakeScim.start()) {
      String group = scim.group("everyone");
      for (int i = 0; i < OTHER_MEMBERS; i++) {
        scim.addMember(group, scim.user("m" + i + "@brightwave.example", "m" + i + "@brightwave.example"));
      }
      List<Person> people = people();
      people.forEach(p -> scim.user(p.email(), p.email()));
      Connector connector = new ScimConnectorFactory(Clock.systemUTC()).create(SYSTEM, Map.of(
          "base-url", scim.url(), "bearer-token", FakeScim.TOKEN));

      Figures figures = run("scim", connector, new GroupExternalId(group), people, () -> scim.calls().size(),
          scim::writes, scim::memberListReads);

      assertThat(figures.grantWrites()).isEqualTo(PEOPLE);
      assertThat(figures.revokeWrites()).isEqualTo(PEOPLE);
      assertThat(scim.memberListReads()).isZero();
    }
  }

  @Test
  void google_whenGrantingAndRevoking_thenOneWriteEachAndNoMemberListRead() {
    try (FakeGoogle google = FakeGoogle.start()) {
      String group = google.group("everyone@brightwave.example");
      for (int i = 0; i < OTHER_MEMBERS; i++) {
        google.addMember(group, google.user("m" + i + "@brightwave.example"));
      }
      List<Person> people = people();
      people.forEach(p -> google.user(p.email()));
      Connector connector = new GoogleConnectorFactory(Clock.systemUTC()).create(SYSTEM, Map.of(
          "service-account-key", google.serviceAccountKey(), "admin-email", FakeGoogle.ADMIN,
          "auth-url", google.tokenUrl(), "api-url", google.url()));

      Figures figures = run("google", connector, new GroupExternalId(group), people, () -> google.calls().size(),
          google::writes, google::memberListReads);

      assertThat(figures.grantWrites()).isEqualTo(PEOPLE);
      assertThat(figures.revokeWrites()).isEqualTo(PEOPLE);
      assertThat(google.memberListReads()).isZero();
      assertThat(google.tokenRequests()).isEqualTo(1);
    }
  }

  @Test
  void keycloak_whenGrantingAndRevoking_thenOneWriteEachAndNoMemberListRead() {
    try (FakeKeycloak keycloak = FakeKeycloak.start()) {
      String group = keycloak.group("everyone");
      for (int i = 0; i < OTHER_MEMBERS; i++) {
        keycloak.addMember(group, keycloak.user("m" + i, "m" + i + "@brightwave.example"));
      }
      List<Person> people = people();
      people.forEach(p -> keycloak.user(p.id().value(), p.email()));
      Connector connector = new KeycloakConnectorFactory(Clock.systemUTC()).create(SYSTEM, Map.of(
          "base-url", keycloak.url(), "realm", FakeKeycloak.REALM, "client-id", FakeKeycloak.CLIENT_ID,
          "client-secret", FakeKeycloak.CLIENT_SECRET));

      Figures figures = run("keycloak", connector, new GroupExternalId(group), people,
          () -> keycloak.calls().size(), keycloak::writes, keycloak::memberListReads);

      assertThat(figures.grantWrites()).isEqualTo(PEOPLE);
      assertThat(figures.revokeWrites()).isEqualTo(PEOPLE);
      assertThat(keycloak.memberListReads()).isZero();
      assertThat(keycloak.tokenRequests()).isEqualTo(1);
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private record Figures(int grantCalls, int grantWrites, int revokeCalls, int revokeWrites) {}

  private static Figures run(String kind, Connector connector, GroupExternalId group, List<Person> people,
      IntSupplier calls, IntSupplier writes, IntSupplier memberListReads) {
    connector.testConnection();
    int calls0 = calls.getAsInt();
    int writes0 = writes.getAsInt();
    long t0 = System.nanoTime();
    for (Person person : people) {
      assertThat(connector.addMember(person, group)).isInstanceOf(WriteResult.Applied.class);
    }
    long grantNanos = System.nanoTime() - t0;
    int grantCalls = calls.getAsInt() - calls0;
    int grantWrites = writes.getAsInt() - writes0;
    int calls1 = calls.getAsInt();
    int writes1 = writes.getAsInt();
    t0 = System.nanoTime();
    for (Person person : people) {
      assertThat(connector.removeMember(person, group)).isInstanceOf(WriteResult.Applied.class);
    }
    long revokeNanos = System.nanoTime() - t0;
    Figures figures = new Figures(grantCalls, grantWrites, calls.getAsInt() - calls1, writes.getAsInt() - writes1);
    System.out.printf("%n[bench] %-8s %d people, group of %d: per grant %.2f calls (%.2f writes), per revoke %.2f "
            + "calls (%.2f writes), member-list reads %d; %.1f ms per grant, %.1f ms per revoke (information only)%n",
        kind, people.size(), OTHER_MEMBERS, (double) figures.grantCalls() / people.size(),
        (double) figures.grantWrites() / people.size(), (double) figures.revokeCalls() / people.size(),
        (double) figures.revokeWrites() / people.size(), memberListReads.getAsInt(),
        grantNanos / 1e6 / people.size(), revokeNanos / 1e6 / people.size());
    return figures;
  }

  private static List<Person> people() {
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < PEOPLE; i++) {
      String login = "bench.person" + i;
      people.add(new Person(new PersonId(login), login + "@brightwave.example", login, "Engineer", "engineering",
          "Berlin", "DE", EmploymentType.FULL_TIME, null, Set.of(), true));
    }
    return people;
  }
}
