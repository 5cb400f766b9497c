package dev.sesame.request;

import static dev.sesame.request.AccessRequests.LATER;
import static dev.sesame.request.AccessRequests.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sesame.common.ConflictException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A request whose provisioning is slow or gave up: told once, retried, or handed over to people. */
class ProvisioningRecoveryTest {

  private static final Instant LATEST = LATER.plusSeconds(600);

  @Test
  void delayed_whenNotedTwice_thenOnlyTheFirstCounts() {
    AccessRequest request = AccessRequests.provisioning();

    assertThat(request.delayed(LATER, 2)).isTrue();
    assertThat(request.delayed(LATEST, 3)).isFalse();

    assertThat(request.history()).filteredOn(h -> h.text().startsWith(AccessRequest.DELAYED)).hasSize(1);
  }

  @Test
  void delayed_whenRetriedByAnAdminAndSlowAgain_thenStillOnlyOnce() {
    AccessRequest request = AccessRequests.provisioning();
    request.delayed(LATER, 2);
    request.needsAttention(LATER, "gave up");
    request.retryProvisioning(STRANGER, LATEST);
    request.startProvisioning(LATEST);

    assertThat(request.delayed(LATEST, 2)).isFalse();
  }

  @Test
  void delayed_whenTheRequestIsDone_thenNothingIsNoted() {
    assertThat(AccessRequests.fulfilled().delayed(LATER, 2)).isFalse();
  }

  @Test
  void retryProvisioning_whenProvisioningGaveUp_thenApprovedAgainByTheAdmin() {
    AccessRequest request = AccessRequests.provisioning();
    request.needsAttention(LATER, "corp-ldap refused");

    request.retryProvisioning(STRANGER, LATEST);

    assertThat(request.state()).isEqualTo(RequestState.APPROVED);
    assertThat(request.history().get(request.history().size() - 1))
        .isEqualTo(new HistoryEntry(LATEST, "sam.patel", "asked Sesame to set up the access again"));
  }

  @Test
  void retryProvisioning_whenNobodyWasLeftToApprove_thenRefused() {
    AccessRequest stuck = AccessRequests.submitted(java.util.List.of(AccessRequests.stage("Nobody",
        new dev.sesame.approval.ApproverSource.Manager())));
    assertThat(stuck.state()).isEqualTo(RequestState.NEEDS_ATTENTION);

    assertThatThrownBy(() -> stuck.retryProvisioning(STRANGER, LATEST))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only an approved request whose provisioning gave up can be retried");
  }

  @Test
  void retryProvisioning_whenStillProvisioning_thenRefused() {
    assertThatThrownBy(() -> AccessRequests.provisioning().retryProvisioning(STRANGER, LATEST))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void handOver_whenProvisioningGaveUp_thenClosedWithTheNote() {
    AccessRequest request = AccessRequests.provisioning();
    request.needsAttention(LATER, "corp-ldap refused");

    request.handOver(STRANGER, "Sam adds you by hand", LATEST);

    assertThat(request.state()).isEqualTo(RequestState.CLOSED);
    assertThat(request.history().get(request.history().size() - 1).text())
        .isEqualTo("closed: Sesame gave up setting up the access; Sam adds you by hand");
    assertThatThrownBy(() -> request.retryProvisioning(STRANGER, LATEST)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> request.handOver(STRANGER, "again", LATEST)).isInstanceOf(ConflictException.class);
  }
}
