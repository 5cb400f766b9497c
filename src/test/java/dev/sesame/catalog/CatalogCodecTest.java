package dev.sesame.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.approval.PolicyName;
import dev.sesame.common.FieldError;
import dev.sesame.directory.PersonId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class CatalogCodecTest {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String SAMPLE_GROUP_APP = """
      name: Figma
      aliases: [FigJam, figma design]
      enabledInBot: true
      accessRule: "user.department in ['Design', 'Product']"
      appAdmins: [dana.whitfield]
      approvalFlow: MANAGER_THEN_APP_ADMIN
      linksPretext: "Figma resources:"
      links:
        - label: Figma help centre
          url: https://help.figma.com
      strategy:
        type: GROUP
        system: corp-ldap
        externalId: cn=figma-users,ou=groups,dc=brightwave,dc=example
      """;

  private static final String SAMPLE_ROLE_APP = """
      name: GitHub
      aliases: [gh]
      appAdmins: [kenji.sato]
      approvalFlow: APP_ADMIN
      strategy:
        type: ROLE
        system: corp-ldap
        roleQuestion: Which GitHub access do you need?
        roles:
          - name: read
            externalId: cn=github-read,ou=groups,dc=brightwave,dc=example
            hint: People who only browse code
          - name: write
            displayName: Write
            description: Push code and open pull requests.
            externalId: cn=github-write,ou=groups,dc=brightwave,dc=example
      """;

  private static final String SAMPLE_SELF_SERVICE_APP = """
      name: Slack
      approvalFlow: AUTO_APPROVE
      strategy:
        type: SELF_SERVICE
        title: Sign in to Slack
        body: Open https://brightwave.slack.com and sign in with Okta.
      """;

  // --- read: valid entries -------------------------------------------------------------------

  @Test
  void read_whenValidGroupEntry_thenEveryFieldRead() {
    CatalogEntry entry = valid(SAMPLE_GROUP_APP);

    assertThat(entry.name()).isEqualTo(new AppName("Figma"));
    assertThat(entry.aliases()).containsExactly("figjam", "figma design");
    assertThat(entry.enabledInBot()).isTrue();
    assertThat(entry.accessRule()).isEqualTo(new AccessRule("user.department in ['Design', 'Product']"));
    assertThat(entry.appAdmins()).containsExactly(new PersonId("dana.whitfield"));
    assertThat(entry.approvalFlow()).isEqualTo(new PolicyName("MANAGER_THEN_APP_ADMIN"));
    assertThat(entry.linksPretext()).isEqualTo("Figma resources:");
    assertThat(entry.links()).containsExactly(Link.of("Figma help centre", "https://help.figma.com"));
    assertThat(entry.strategy()).isEqualTo(new Strategy.GroupAccess(Entries.CORP_LDAP,
        new dev.sesame.provisioning.GroupExternalId("cn=figma-users,ou=groups,dc=brightwave,dc=example")));
  }

  @Test
  void read_whenValidRoleEntry_thenRolesInOrderWithDefaults() {
    CatalogEntry entry = valid(SAMPLE_ROLE_APP);

    assertThat(entry.roles()).extracting(r -> r.name().value()).containsExactly("read", "write");
    assertThat(entry.roles().get(0).displayName()).isEqualTo("read");
    assertThat(entry.roles().get(1).description()).isEqualTo("Push code and open pull requests.");
    assertThat(((Strategy.RoleAccess) entry.strategy()).roleQuestion()).isEqualTo("Which GitHub access do you need?");
  }

  @Test
  void read_whenOptionalFieldsOmitted_thenDefaults() {
    CatalogEntry entry = valid("""
        name: Miro
        strategy: {type: GROUP, system: corp-ldap, externalId: cn=miro}
        """);

    assertThat(entry.enabledInBot()).isTrue();
    assertThat(entry.accessRule()).isEqualTo(AccessRule.EVERYONE);
    assertThat(entry.approvalFlow()).isEqualTo(new PolicyName("MANAGER"));
    assertThat(entry.aliases()).isEmpty();
    assertThat(entry.appAdmins()).isEmpty();
    assertThat(entry.links()).isEmpty();
  }

  @Test
  void read_whenStrategyTypeAndFlowInLowerCase_thenAccepted() {
    CatalogEntry entry = valid("""
        name: Miro
        approvalFlow: auto_approve
        strategy: {type: group, system: corp-ldap, externalId: cn=miro}
        """);

    assertThat(entry.approvalFlow()).isEqualTo(new PolicyName("AUTO_APPROVE"));
    assertThat(entry.strategy()).isInstanceOf(Strategy.GroupAccess.class);
  }

  @Test
  void read_whenJson_thenSameEntryAsYaml() {
    JsonNode json = JSON.readTree("""
        {"name": "Slack", "approvalFlow": "AUTO_APPROVE",
         "strategy": {"type": "SELF_SERVICE", "title": "Sign in to Slack",
                      "body": "Open https://brightwave.slack.com and sign in with Okta."}}
        """);

    assertThat(CatalogCodec.read(json, "").entry()).contains(valid(SAMPLE_SELF_SERVICE_APP));
  }

  // --- write then read -----------------------------------------------------------------------

  @Test
  void write_whenGroupEntryReadBack_thenEqual() {
    assertRoundTrip(valid(SAMPLE_GROUP_APP));
    assertRoundTrip(Entries.group("Miro", "whiteboard"));
  }

  @Test
  void write_whenRoleEntryReadBack_thenEqual() {
    assertRoundTrip(valid(SAMPLE_ROLE_APP));
    assertRoundTrip(Entries.roleBased("Salesforce", List.of(
        Entries.role("read-only", "Read-only", "View accounts", "People who look up customers"),
        Entries.role("admin", "Sales operations staff")), "sfdc"));
  }

  @Test
  void write_whenSelfServiceEntryReadBack_thenEqual() {
    assertRoundTrip(valid(SAMPLE_SELF_SERVICE_APP));
    assertRoundTrip(Entries.selfService("Zoom").withEnabledInBot(false));
  }

  @Test
  void write_whenEntry_thenKeysInReadingOrder() {
    assertThat(CatalogCodec.write(valid(SAMPLE_GROUP_APP)).keySet()).containsExactly("name", "aliases",
        "enabledInBot", "accessRule", "appAdmins", "approvalFlow", "linksPretext", "links", "strategy");
  }

  // --- read: errors --------------------------------------------------------------------------

  @Test
  void read_whenUnknownTopLevelKey_thenErrorOnThatKey() {
    assertThat(errors(SAMPLE_GROUP_APP + "colour: blue\n"))
        .containsExactly(new FieldError("colour", "unknown field; allowed are " + String.join(", ", CatalogCodec.ENTRY_KEYS)));
  }

  @Test
  void read_whenUnknownKeyInStrategy_thenErrorOnStrategyPath() {
    assertThat(fields(SAMPLE_GROUP_APP + "  groupName: figma-users\n")).containsExactly("strategy.groupName");
  }

  @Test
  void read_whenUnknownKeyInRole_thenErrorOnRolePath() {
    assertThat(fields(SAMPLE_ROLE_APP + "      colour: red\n")).containsExactly("strategy.roles[1].colour");
  }

  @Test
  void read_whenDuplicateRoleNames_thenErrorOnSecondRoleName() {
    String yaml = SAMPLE_ROLE_APP.replace("- name: write", "- name: READ");

    assertThat(errors(yaml)).singleElement().satisfies(error -> {
      assertThat(error.field()).isEqualTo("strategy.roles[1].name");
      assertThat(error.reason()).contains("'read' is used by another role");
    });
  }

  @Test
  void read_whenOneRoleOnly_thenErrorOnRoles() {
    String yaml = """
        name: GitHub
        strategy:
          type: ROLE
          system: corp-ldap
          roles:
            - name: read
              externalId: cn=github-read
        """;

    assertThat(errors(yaml)).singleElement().satisfies(error -> {
      assertThat(error.field()).isEqualTo("strategy.roles");
      assertThat(error.reason()).contains("at least two roles");
    });
  }

  @Test
  void read_whenRolesMissingOrNotAList_thenErrorOnRoles() {
    assertThat(fields("""
        name: GitHub
        strategy: {type: ROLE, system: corp-ldap}
        """)).containsExactly("strategy.roles");
    assertThat(fields("""
        name: GitHub
        strategy: {type: ROLE, system: corp-ldap, roles: read}
        """)).containsExactly("strategy.roles");
  }

  @Test
  void read_whenRoleWithoutExternalId_thenErrorOnThatRole() {
    String yaml = SAMPLE_ROLE_APP.replace("externalId: cn=github-write,ou=groups,dc=brightwave,dc=example",
        "hint: Engineers");

    assertThat(fields(yaml)).containsExactly("strategy.roles[1].externalId");
  }

  @Test
  void read_whenAccessRuleDoesNotCompile_thenErrorOnAccessRule() {
    String yaml = SAMPLE_GROUP_APP.replace("user.department in ['Design', 'Product']", "user.department ==");

    assertThat(errors(yaml)).singleElement().satisfies(error -> {
      assertThat(error.field()).isEqualTo("accessRule");
      assertThat(error.reason()).startsWith("does not compile: line 1, column ");
    });
  }

  @Test
  void read_whenBadUrl_thenErrorOnThatLink() {
    String yaml = SAMPLE_GROUP_APP.replace("https://help.figma.com", "help figma com");

    assertThat(errors(yaml)).singleElement().satisfies(error -> {
      assertThat(error.field()).isEqualTo("links[0].url");
      assertThat(error.reason()).contains("help figma com");
    });
  }

  @Test
  void read_whenPlainHttpUrl_thenErrorOnThatLink() {
    assertThat(fields(SAMPLE_GROUP_APP.replace("https://", "http://"))).containsExactly("links[0].url");
  }

  @Test
  void read_whenLinkWithoutLabel_thenErrorOnLabel() {
    assertThat(fields(SAMPLE_GROUP_APP.replace("label: Figma help centre", "title: Figma help centre")))
        .containsExactly("links[0].title", "links[0].label");
  }

  @Test
  void read_whenLinksWithoutPretext_thenErrorOnPretext() {
    assertThat(fields(SAMPLE_GROUP_APP.replace("linksPretext: \"Figma resources:\"\n", "")))
        .containsExactly("linksPretext");
  }

  @Test
  void read_whenExternalIdMissing_thenErrorOnStrategyExternalId() {
    String yaml = SAMPLE_GROUP_APP.replace("  externalId: cn=figma-users,ou=groups,dc=brightwave,dc=example\n", "");

    assertThat(errors(yaml)).containsExactly(new FieldError("strategy.externalId", "is required"));
  }

  @Test
  void read_whenSystemNotAName_thenErrorOnStrategySystem() {
    assertThat(fields(SAMPLE_GROUP_APP.replace("system: corp-ldap", "system: corp ldap")))
        .containsExactly("strategy.system");
  }

  @Test
  void read_whenNameHas129Characters_thenErrorOnName() {
    String yaml = SAMPLE_GROUP_APP.replace("name: Figma", "name: " + "F".repeat(129));

    assertThat(errors(yaml)).singleElement().satisfies(error -> {
      assertThat(error.field()).isEqualTo("name");
      assertThat(error.reason()).contains("129 characters");
    });
  }

  @Test
  void read_whenNameHas128Characters_thenAccepted() {
    assertThat(valid(SAMPLE_GROUP_APP.replace("name: Figma", "name: " + "F".repeat(128))).name().value())
        .hasSize(128);
  }

  @Test
  void read_whenNameMissing_thenErrorOnName() {
    assertThat(errors(SAMPLE_GROUP_APP.replace("name: Figma\n", "")))
        .containsExactly(new FieldError("name", "is required"));
  }

  @Test
  void read_whenAppAdminFlowWithoutAdmins_thenErrorOnAppAdmins() {
    for (PolicyName flow : List.of(new PolicyName("APP_ADMIN"), new PolicyName("APP_ADMIN_THEN_MANAGER"),
        new PolicyName("MANAGER_THEN_APP_ADMIN"), new PolicyName("AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN"))) {
      String yaml = SAMPLE_GROUP_APP.replace("appAdmins: [dana.whitfield]", "appAdmins: []")
          .replace("MANAGER_THEN_APP_ADMIN", flow.value());

      assertThat(errors(yaml)).as(flow.value()).singleElement().satisfies(error -> {
        assertThat(error.field()).isEqualTo("appAdmins");
        assertThat(error.reason()).contains(flow.value()).contains("at least one app admin");
      });
    }
  }

  @Test
  void read_whenManagerFlowWithoutAdmins_thenAccepted() {
    assertThat(valid(SAMPLE_GROUP_APP.replace("appAdmins: [dana.whitfield]", "appAdmins: []")
        .replace("MANAGER_THEN_APP_ADMIN", "MANAGER")).appAdmins()).isEmpty();
  }

  @Test
  void read_whenAppAdminNotALogin_thenErrorOnThatAdmin() {
    assertThat(fields(SAMPLE_GROUP_APP.replace("[dana.whitfield]", "[dana.whitfield, Dana Whitfield]")))
        .containsExactly("appAdmins[1]");
  }

  @Test
  void read_whenApprovalFlowIsNoName_thenErrorListingTheReadyMadeFlows() {
    assertThat(errors(SAMPLE_GROUP_APP.replace("MANAGER_THEN_APP_ADMIN", "'#boss'"))).singleElement()
        .satisfies(error -> {
          assertThat(error.field()).isEqualTo("approvalFlow");
          assertThat(error.reason()).contains("'#boss' is not an approval flow").contains("APP_ADMIN_THEN_MANAGER");
        });
  }

  @Test
  void read_whenApprovalFlowInOtherCase_thenTheReadyMadeSpelling() {
    CatalogEntry entry = valid(SAMPLE_GROUP_APP.replace("MANAGER_THEN_APP_ADMIN", "manager_then_app_admin"));

    assertThat(entry.approvalFlow().value()).isEqualTo("MANAGER_THEN_APP_ADMIN");
  }

  @Test
  void read_whenApprovalFlowNamesAPolicy_thenKeptForTheReferenceCheck() {
    CatalogEntry entry = valid(SAMPLE_GROUP_APP.replace("MANAGER_THEN_APP_ADMIN", "production access"));

    assertThat(entry.approvalFlow().value()).isEqualTo("production access");
  }

  @Test
  void read_whenWrongStrategyType_thenErrorOnStrategyType() {
    assertThat(errors(SAMPLE_GROUP_APP.replace("type: GROUP", "type: TICKET")))
        .containsExactly(new FieldError("strategy.type", "'TICKET' is not a strategy; use one of SELF_SERVICE, GROUP, ROLE"));
  }

  @Test
  void read_whenStrategyTypeMissing_thenErrorOnStrategyType() {
    assertThat(fields(SAMPLE_GROUP_APP.replace("  type: GROUP\n", ""))).containsExactly("strategy.type");
  }

  @Test
  void read_whenStrategyMissing_thenErrorOnStrategy() {
    assertThat(fields("name: Miro\n")).containsExactly("strategy");
  }

  @Test
  void read_whenStrategyNotAnObject_thenErrorOnStrategy() {
    assertThat(errors("name: Miro\nstrategy: GROUP\n"))
        .containsExactly(new FieldError("strategy", "must be an object"));
  }

  @Test
  void read_whenSelfServiceWithoutBody_thenErrorOnBody() {
    assertThat(fields(SAMPLE_SELF_SERVICE_APP.replaceAll("  body: .*\n", ""))).containsExactly("strategy.body");
  }

  @Test
  void read_whenAliasTooLongOrNotText_thenErrorOnThatAlias() {
    assertThat(fields(SAMPLE_GROUP_APP.replace("[FigJam, figma design]", "[FigJam, " + "x".repeat(65) + ", [nested]]")))
        .containsExactly("aliases[1]", "aliases[2]");
  }

  @Test
  void read_whenEnabledInBotNotBoolean_thenError() {
    assertThat(fields(SAMPLE_GROUP_APP.replace("enabledInBot: true", "enabledInBot: maybe")))
        .containsExactly("enabledInBot");
  }

  @Test
  void read_whenNotAnObject_thenErrorOnThePathItself() {
    assertThat(CatalogCodec.read(YAML.readTree("- Figma\n"), "apps[3]").errors())
        .containsExactly(new FieldError("apps[3]", "must be an object"));
  }

  @Test
  void read_whenSeveralProblems_thenEveryOneReported() {
    String yaml = SAMPLE_ROLE_APP.replace("name: GitHub", "name: Git/Hub").replace("approvalFlow: APP_ADMIN",
        "approvalFlow: APP_ADMIN\ncolour: red").replace("- name: write", "- name: read");

    assertThat(fields(yaml)).containsExactlyInAnyOrder("colour", "name", "strategy.roles[1].name");
  }

  @Test
  void read_whenPathGiven_thenEveryErrorCarriesIt() {
    String yaml = SAMPLE_ROLE_APP.replace("name: GitHub", "name: " + "G".repeat(129))
        .replace("aliases: [gh]", "aliases: [gh]\ncolour: red\nlinksPretext: Help\nlinks: [{label: Help, url: 'ftp://x'}]")
        .replace("approvalFlow: APP_ADMIN", "approvalFlow: APP_ADMIN\naccessRule: 'nobody.knows'")
        .replace("appAdmins: [kenji.sato]", "appAdmins: []")
        .replace("- name: write", "- name: read")
        .replace("system: corp-ldap", "system: corp-ldap\n  colour: red");

    List<String> fields = CatalogCodec.read(YAML.readTree(yaml), "apps[3]").errors().stream()
        .map(FieldError::field).toList();

    assertThat(fields).containsExactlyInAnyOrder("apps[3].colour", "apps[3].name", "apps[3].accessRule",
        "apps[3].appAdmins", "apps[3].links[0].url", "apps[3].strategy.colour", "apps[3].strategy.roles[1].name");
  }

  @Test
  void read_whenPathGivenAndStrategyTypeWrong_thenPathCarried() {
    assertThat(CatalogCodec.read(YAML.readTree(SAMPLE_GROUP_APP.replace("type: GROUP", "type: ticket")), "apps[0]")
        .errors()).extracting(FieldError::field).containsExactly("apps[0].strategy.type");
  }

  // --- the seed catalog ------------------------------------------------------------------------

  @Test
  void read_whenSeedCatalog_thenAll35AppsReadWithoutErrors() throws IOException {
    List<CatalogEntry> entries = seedCatalog();

    assertThat(entries).hasSize(35);
    assertThat(entries.stream().map(e -> e.name().key()).distinct()).hasSize(35);
  }

  @Test
  void write_whenSeedCatalogExportedAsYamlAndReadBack_thenEqual() throws IOException {
    List<CatalogEntry> entries = seedCatalog();

    assertThat(readAll(CatalogYaml.write(List.of(), entries))).containsExactlyElementsOf(entries);
  }

  @Test
  void write_whenAliasAndLoginLookLikeNumbersOrBooleans_thenYamlExportReadsBack() {
    CatalogEntry entry = new CatalogEntry(new AppName("Office"), List.of("365", "yes", "1.5"), true,
        AccessRule.EVERYONE, List.of(new PersonId("1234")), new PolicyName("APP_ADMIN"), "", List.of(),
        new Strategy.GroupAccess(Entries.CORP_LDAP, Entries.groupDn("office")));

    assertThat(readAll(CatalogYaml.write(List.of(), List.of(entry)))).containsExactly(entry);
  }

  // ---------------------------------------------------------------------------------------------

  private static List<CatalogEntry> seedCatalog() throws IOException {
    try (InputStream in = Objects.requireNonNull(CatalogCodecTest.class.getResourceAsStream("/catalog/catalog.yaml"))) {
      return readAll(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static List<CatalogEntry> readAll(String yaml) {
    JsonNode apps = CatalogYaml.parse(yaml).get("apps");
    List<CatalogEntry> entries = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < apps.size(); i++) {
      CatalogCodec.Read read = CatalogCodec.read(apps.get(i), "apps[" + i + "]");
      errors.addAll(read.errors());
      read.entry().ifPresent(entries::add);
    }
    assertThat(errors).isEmpty();
    return entries;
  }

  private static void assertRoundTrip(CatalogEntry entry) {
    Map<String, Object> written = CatalogCodec.write(entry);
    CatalogCodec.Read read = CatalogCodec.read(JSON.valueToTree(written), "");

    assertThat(read.errors()).isEmpty();
    assertThat(read.entry()).contains(entry);
  }

  private static CatalogEntry valid(String yaml) {
    CatalogCodec.Read read = CatalogCodec.read(YAML.readTree(yaml), "");
    assertThat(read.errors()).isEmpty();
    return read.entry().orElseThrow();
  }

  private static List<FieldError> errors(String yaml) {
    CatalogCodec.Read read = CatalogCodec.read(YAML.readTree(yaml), "");
    assertThat(read.entry()).isEmpty();
    return read.errors();
  }

  private static List<String> fields(String yaml) {
    return errors(yaml).stream().map(FieldError::field).collect(Collectors.toList());
  }
}
