package dev.sesame.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sesame.approval.ApprovalPolicies;
import dev.sesame.common.FieldError;
import dev.sesame.directory.Directory;
import dev.sesame.directory.DirectorySettings;
import dev.sesame.directory.Person;
import dev.sesame.provisioning.ConnectionCheck;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.GroupInfo;
import dev.sesame.provisioning.ProvisioningSystems;
import dev.sesame.provisioning.WriteResult;
import dev.sesame.provisioning.Account;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The group check when an app is saved: a group the connection cannot write to is a field error. */
class CatalogReferencesGroupTest {

  @Test
  void check_whenGroupHasAProblem_thenFieldErrorOnExternalIdSayingIt() {
    String problem = "cn=figma-users,ou=groups,dc=brightwave,dc=example is a top, groupOfUniqueNames group, "
        + "but corp-ldap writes members to member, which it does not have; set corp-ldap's "
        + "membership-attribute to uniqueMember, or pick a groupOfNames or group or groupOfMembers group";

    assertThat(externalIdErrors(Optional.of(problem)))
        .singleElement().satisfies(error -> assertThat(error.reason()).isEqualTo(problem));
  }

  @Test
  void check_whenGroupUsable_thenNoExternalIdError() {
    assertThat(externalIdErrors(Optional.empty())).isEmpty();
  }

  private static List<FieldError> externalIdErrors(Optional<String> problem) {
    ProvisioningSystems systems = mock(ProvisioningSystems.class);
    when(systems.connector(Entries.CORP_LDAP)).thenReturn(Optional.of(new GroupConnector(problem)));
    DirectorySettings settings = new DirectorySettings("", "", "", "ou=people,dc=brightwave,dc=example",
        "ou=groups,dc=brightwave,dc=example", "sesame-catalog-admins", null);
    CatalogReferences references = new CatalogReferences(mock(Directory.class), systems,
        mock(ApprovalPolicies.class), settings);

    return references.check(Entries.group("Figma"), "", List.of()).stream()
        .filter(error -> error.field().equals("strategy.externalId")).toList();
  }

  /** Finds every group, with this problem. */
  private record GroupConnector(Optional<String> problem) implements Connector {

    @Override
    public ConnectionCheck testConnection() {
      return new ConnectionCheck(true, "ok");
    }

    @Override
    public Optional<Account> findAccount(Person person) {
      return Optional.empty();
    }

    @Override
    public Optional<GroupInfo> findGroup(GroupExternalId group) {
      return Optional.of(new GroupInfo(group, group.value(), problem));
    }

    @Override
    public boolean isMember(Person person, GroupExternalId group) {
      return false;
    }

    @Override
    public WriteResult addMember(Person person, GroupExternalId group) {
      return new WriteResult.Applied();
    }

    @Override
    public WriteResult removeMember(Person person, GroupExternalId group) {
      return new WriteResult.Applied();
    }
  }
}
