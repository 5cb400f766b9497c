package dev.sesame.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every module ({@code sesame.*}).
 *
 * @param dataDir where the embedded database and the embedded directory keep their data
 * @param jobs the durable job runner
 */
@ConfigurationProperties("sesame")
public record PlatformSettings(@DefaultValue("./data") Path dataDir, @DefaultValue Jobs jobs) {

  /**
   * The durable job runner.
   *
   * @param enabled false to record jobs without running them on this node
   * @param threads how many jobs run at once on this node
   * @param pollInterval how often this node looks for due jobs
   */
  public record Jobs(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("2") int threads,
      @DefaultValue("1s") java.time.Duration pollInterval) {}
}
