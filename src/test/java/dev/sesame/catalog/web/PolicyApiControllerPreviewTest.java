package dev.sesame.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.sesame.approval.ApprovalPolicies;
import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.BuiltInPolicies;
import dev.sesame.approval.PolicyName;
import dev.sesame.approval.SavePolicy;
import dev.sesame.common.ForbiddenException;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import java.security.Principal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The order of the policy preview's answers: who asks (403), which policy (404), then the
 * parameters; the app is optional. Exceptions are left unhandled here, so they are seen as thrown.
 */
class PolicyApiControllerPreviewTest {

  private final ApprovalPolicies policies = mock(ApprovalPolicies.class);
  private final PolicyPreviews previews = mock(PolicyPreviews.class);
  private final CatalogAdmins admins = mock(CatalogAdmins.class);
  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
      new PolicyApiController(policies, mock(SavePolicy.class), previews, admins)).build();

  @Test
  void preview_whenNotAnAdminAndNoParameters_thenForbiddenFirst() {
    doThrow(new ForbiddenException("only catalog admins")).when(admins).require(new PersonId("alex.kim"));

    Throwable thrown = catchThrowable(() -> mvc.perform(get("/api/policies/p1/preview").principal(as("alex.kim"))));

    assertThat(thrown).hasRootCauseInstanceOf(ForbiddenException.class);
  }

  @Test
  void preview_whenUnknownPolicyAndNoParameters_thenNotFoundBeforeTheParameters() {
    when(policies.find(any())).thenReturn(Optional.empty());

    Throwable thrown = catchThrowable(() -> mvc.perform(get("/api/policies/p1/preview").principal(as("sam.patel"))));

    assertThat(thrown).hasRootCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void preview_whenNoApp_thenPreviewedWithoutOne() {
    ApprovalPolicy policy = BuiltInPolicies.MANAGER_ONLY;
    when(policies.find(PolicyName.parse("p1").orElseThrow())).thenReturn(Optional.of(policy));
    when(previews.preview(any(), anyString(), anyString(), anyString())).thenThrow(new IllegalStateException("previewed"));

    Throwable thrown = catchThrowable(() -> mvc.perform(get("/api/policies/p1/preview?person=alex.kim")
        .principal(as("sam.patel"))));

    assertThat(thrown).hasRootCauseMessage("previewed");
    verify(previews).preview(policy, "alex.kim", "", "");
  }

  private static Principal as(String login) {
    return () -> login;
  }
}
