package dev.sesame.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every module ({@code sesame.*}).
 *
 * @param dataDir where the embedded database and the embedded directory keep their data
 * @param jobs the durable job runner
 * @param secrets the key that encrypts secrets at rest (e.g. provisioning systems' passwords)
 */
@ConfigurationProperties("sesame")
public record PlatformSettings(@DefaultValue("./data") Path dataDir, @DefaultValue Jobs jobs,
    @DefaultValue Secrets secrets) {

  /**
   * The key that encrypts secrets at rest. When neither is set, a key is generated once into
   * {@code <data-dir>/secrets.key}.
   *
   * @param key the key itself: base64 of 32 random bytes (e.g. {@code openssl rand -base64 32})
   * @param keyFile a file that holds the key in the same form
   */
  public record Secrets(@DefaultValue("") String key, @DefaultValue("") String keyFile) {

    @Override
    public String toString() {
      return "Secrets[key=" + (key.isBlank() ? "" : "(set)") + ", keyFile=" + keyFile + "]";
    }
  }

  /**
   * The durable job runner.
   *
   * @param enabled false to record jobs without running them on this node
   * @param threads how many jobs run at once on this node
   * @param pollInterval how often this node looks for due jobs
   * @param heartbeat how often this node marks the jobs it runs as alive; a job whose node missed
   *     six heartbeats (e.g. the node was killed) is run again by another node, or by this one
   *     after a restart
   */
  public record Jobs(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("2") int threads,
      @DefaultValue("1s") java.time.Duration pollInterval,
      @DefaultValue("10s") java.time.Duration heartbeat) {}
}
