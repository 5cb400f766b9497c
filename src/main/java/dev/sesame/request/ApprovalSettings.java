package dev.sesame.request;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How waiting requests are looked after ({@code sesame.approvals.*}).
 *
 * @param sweepEvery how often waiting requests are checked for reassignment, reminders,
 *     escalation and expiry; the policies' timings are only as precise as this
 */
@ConfigurationProperties("sesame.approvals")
public record ApprovalSettings(@DefaultValue("1m") Duration sweepEvery) {}
