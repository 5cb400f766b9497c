package dev.sesame.request;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access with an end date is looked after ({@code sesame.access.*}).
 *
 * @param sweepEvery how often grants are checked for their planned end and for reminders; ends
 *     happen up to this much late
 * @param remindBefore how long before its planned end a person is reminded; for grants shorter
 *     than twice this, halfway through instead
 */
@ConfigurationProperties("sesame.access")
public record AccessSettings(
    @DefaultValue("1m") Duration sweepEvery,
    @DefaultValue("3d") Duration remindBefore) {}
