package dev.sesame.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Debian PostgreSQL server (an older major version than the embedded one), started privately
 * on a free port for one test class, as an external production database would be. Installed by the
 * test script; when it is missing the test fails with the command that installs it.
 */
final class DebianPostgres implements AutoCloseable {

  private final Path bin;
  private final Path data;
  private final int port;

  private DebianPostgres(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  static DebianPostgres start() {
    Path bin = installed().orElseThrow(() -> new IllegalStateException(
        "Debian's PostgreSQL server is missing: apt-get install postgresql (scripts/test installs it)"));
    try {
      Path data = Files.createTempDirectory("sesame-pg");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      DebianPostgres postgres = new DebianPostgres(bin, data, port);
      postgres.asServerUser(List.of("chown", "-R", "postgres", data.toString()), true);
      postgres.run("initdb", "-D", data.resolve("db").toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8");
      postgres.run("pg_ctl", "-D", data.resolve("db").toString(), "-w", "-l", data.resolve("log").toString(),
          "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1", "start");
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The major version of the server, e.g. 15. */
  String version() {
    return bin.getParent().getFileName().toString();
  }

  @Override
  public void close() {
    run("pg_ctl", "-D", data.resolve("db").toString(), "-m", "fast", "-w", "stop");
  }

  private static java.util.Optional<Path> installed() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return java.util.Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(Path::toString));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run(String tool, String... args) {
    List<String> command = new ArrayList<>();
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    asServerUser(command, false);
  }

  // NB. PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
  private void asServerUser(List<String> command, boolean rootOnly) {
    boolean root = "root".equals(System.getProperty("user.name"));
    if (rootOnly && !root) {
      return;
    }
    List<String> full = new ArrayList<>();
    if (root && !rootOnly) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", full) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
