package dev.sesame.request;

import dev.sesame.platform.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks after access with an end date, one node at a time, every {@code sesame.access.sweep-every}:
 * ends each grant whose planned end has come (through {@link EndAccess}, so the durable
 * {@code end-grant} job removes it and confirms), and reminds people before the end.
 *
 * <p>When to remind: {@code sesame.access.remind-before} (3 days) before the end; for a grant that
 * lasts less than twice that, halfway through it (a 2-day grant is reminded after a day), so a
 * short grant is not reminded the moment it starts. Each person is reminded once per end date; a
 * renewal that moves the end arms the reminder again. Each grant is handled in its own
 * transaction, so one failure never holds up the others.
 */
@Component
@EnableConfigurationProperties(AccessSettings.class)
class GrantSweep implements PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(GrantSweep.class);
  private static final int BATCH = 500;

  private final GrantRepository grants;
  private final RequestRepository requests;
  private final EndAccess end;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final AccessSettings settings;

  GrantSweep(GrantRepository grants, RequestRepository requests, EndAccess end, ApplicationEventPublisher events,
      TransactionTemplate transactions, Clock clock, AccessSettings settings) {
    this.grants = grants;
    this.requests = requests;
    this.end = end;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "grant-sweep";
  }

  @Override
  public Duration every() {
    return settings.sweepEvery();
  }

  @Override
  public void run() {
    Instant now = clock.instant();
    for (GrantId id : grants.due(now, BATCH)) {
      try {
        transactions.executeWithoutResult(status -> grants.lock(id)
            .filter(g -> g.state() == GrantState.ACTIVE && g.endsAt() != null && !g.endsAt().isAfter(now))
            .ifPresent(g -> end.endInTransaction(id, "sesame", "the access was planned to end on "
                + LocalDate.ofInstant(g.endsAt(), ZoneOffset.UTC))));
      } catch (RuntimeException e) {
        log.warn("Could not end grant {}: {}", id, e.toString());
      }
    }
    // The widest window first; each grant then decides with its own length.
    for (Grant g : grants.toRemind(now.plus(settings.remindBefore()), BATCH)) {
      if (g.endsAt() == null || now.isBefore(remindAt(g.since(), g.endsAt(), settings.remindBefore()))) {
        continue;
      }
      try {
        transactions.executeWithoutResult(status -> grants.lock(g.id())
            .filter(locked -> locked.state() == GrantState.ACTIVE && locked.endsAt() != null)
            .ifPresent(locked -> {
              grants.markReminded(locked.id(), now);
              requests.find(locked.request()).ifPresent(r ->
                  events.publishEvent(new RequestEvent.AccessEndingSoon(r, locked)));
            }));
      } catch (RuntimeException e) {
        log.warn("Could not remind the holder of grant {}: {}", g.id(), e.toString());
      }
    }
  }

  /** When the holder of a grant from {@code since} to {@code endsAt} is reminded. */
  static Instant remindAt(Instant since, Instant endsAt, Duration remindBefore) {
    Duration length = Duration.between(since, endsAt);
    Duration before = length.compareTo(remindBefore.multipliedBy(2)) < 0 ? length.dividedBy(2) : remindBefore;
    return endsAt.minus(before);
  }
}
