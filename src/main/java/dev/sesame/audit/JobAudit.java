package dev.sesame.audit;

import dev.sesame.platform.JobEvent;
import dev.sesame.platform.JobSubject;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what happens to failed durable jobs, in the transaction that changed them, under the
 * subject the job works on (e.g. the request), so the request's timeline shows it.
 */
@Component
class JobAudit {

  private final AuditTrail audit;

  JobAudit(AuditTrail audit) {
    this.audit = audit;
  }

  @EventListener
  void on(JobEvent event) {
    String subject = event.subject().map(JobSubject::auditSubject)
        .orElse("job:" + event.task() + "/" + event.instance());
    if (event instanceof JobEvent.GaveUp gaveUp) {
      audit.jobGaveUp(subject, event.task(), event.instance(), gaveUp.attempts(), gaveUp.error());
    } else if (event instanceof JobEvent.Retried retried) {
      audit.jobRetried(retried.admin().value(), subject, event.task(), event.instance());
    } else if (event instanceof JobEvent.Abandoned abandoned) {
      audit.jobAbandoned(abandoned.admin().value(), subject, event.task(), event.instance(), abandoned.note());
    } else {
      throw new IllegalStateException("unknown job event " + event);
    }
  }
}
