package dev.sesame.approval;

import dev.sesame.audit.AuditTrail;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvers name delegates for a period and take them back; decisions ask who a person may decide
 * for now. A delegation lasts at most {@link #LONGEST}; the delegate must be an active person
 * other than the approver.
 */
@Component
public class Delegations {

  /** The longest a delegation may last. */
  public static final Duration LONGEST = Duration.ofDays(90);

  private final DelegationRepository repository;
  private final Directory directory;
  private final AuditTrail audit;
  private final Clock clock;

  Delegations(DelegationRepository repository, Directory directory, AuditTrail audit, Clock clock) {
    this.repository = repository;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
  }

  /** {@code approver} lets {@code delegate} decide in their place from {@code from} (now when null) until {@code until}. */
  @Transactional
  public Delegation delegate(PersonId approver, PersonId delegate, @Nullable Instant from, Instant until) {
    Instant now = clock.instant();
    Instant start = from == null || from.isBefore(now) ? now : from;
    if (delegate.equals(approver)) {
      throw new InvalidInputException("delegate", "must be someone else than yourself");
    }
    if (directory.find(delegate).filter(Person::active).isEmpty()) {
      throw new InvalidInputException("delegate", "there is no active person '" + delegate.value() + "' in the directory");
    }
    if (!until.isAfter(start)) {
      throw new InvalidInputException("until", "must be after the start (" + start + ")");
    }
    if (Duration.between(start, until).compareTo(LONGEST) > 0) {
      throw new InvalidInputException("until", "is more than " + LONGEST.toDays() + " days after the start");
    }
    long id = repository.insert(approver, delegate, start, until, now, approver);
    audit.delegationChanged(approver.value(), approver.value(), delegate.value(), "created", start.toString(),
        until.toString());
    return new Delegation(id, approver, delegate, start, until, now, approver);
  }

  /** Ends one of the approver's delegations now. */
  @Transactional
  public void revoke(long id, PersonId approver) {
    Instant now = clock.instant();
    Delegation existing = repository.byApprover(approver, now).stream().filter(d -> d.id() == id).findFirst()
        .orElseThrow(() -> new NotFoundException("you have no current delegation " + id));
    repository.revoke(id, approver, now);
    audit.delegationChanged(approver.value(), approver.value(), existing.delegate().value(), "revoked",
        existing.from().toString(), now.toString());
  }

  /** The approver's delegations that have not ended. */
  public List<Delegation> of(PersonId approver) {
    return repository.byApprover(approver, clock.instant());
  }

  /** The approvers this person may decide for now. */
  public Set<PersonId> decidingFor(PersonId delegate) {
    Set<PersonId> out = new TreeSet<>();
    repository.activeFor(delegate, clock.instant()).forEach(d -> out.add(d.approver()));
    return out;
  }
}
