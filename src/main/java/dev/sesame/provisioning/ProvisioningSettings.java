package dev.sesame.provisioning;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provisioning systems and how their jobs retry ({@code sesame.provisioning.*}).
 *
 * @param systems each system by name: {@code kind} (e.g. {@code ldap}) plus the kind's settings;
 *     when empty, one system {@code corp-ldap} points at the company directory
 * @param maxAttempts how often a provisioning job runs before the request needs attention
 * @param firstRetry the delay before the first retry; later ones double
 * @param maxDelay the longest delay between two attempts, also when the system asked for a longer wait
 * @param tellAfterAttempts after this many failed attempts in a row the requester is told that it
 *     takes longer than usual and the catalog admins get a chat notice (once per request)
 */
@ConfigurationProperties("sesame.provisioning")
public record ProvisioningSettings(
    @DefaultValue Map<String, Map<String, String>> systems,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("5s") Duration firstRetry,
    @DefaultValue("1h") Duration maxDelay,
    @DefaultValue("2") int tellAfterAttempts) {

  @Override
  public String toString() {
    return "ProvisioningSettings[systems=" + systems.keySet() + ", maxAttempts=" + maxAttempts + ", firstRetry=" + firstRetry
        + ", maxDelay=" + maxDelay + ", tellAfterAttempts=" + tellAfterAttempts + "]";
  }
}
