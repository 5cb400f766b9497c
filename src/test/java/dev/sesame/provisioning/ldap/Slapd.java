package dev.sesame.provisioning.ldap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.springframework.core.io.ClassPathResource;

/**
 * A real OpenLDAP server (Debian's {@code slapd}, installed by the test script), started privately
 * on a free port with the core, cosine, inetorgperson and nis schemas and loaded from an LDIF of the
 * test resources. A missing slapd fails the test with the command that installs it.
 */
final class Slapd implements AutoCloseable {

  static final String ROOT_DN = "cn=admin,dc=brightwave,dc=example";
  static final String ROOT_PASSWORD = "slapd-test-secret";

  private final Path dir;
  private final int port;
  private Process process;

  private Slapd(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  static Slapd start(String ldif) {
    return start(ldif, UnaryOperator.identity());
  }

  /** Starts a server loaded from this LDIF of the test resources, its text rewritten first. */
  static Slapd start(String ldif, UnaryOperator<String> rewrite) {
    for (String tool : List.of("/usr/sbin/slapd", "/usr/sbin/slapadd")) {
      if (!Files.isExecutable(Path.of(tool))) {
        throw new IllegalStateException(tool + " is missing: apt-get install slapd ldap-utils (scripts/test installs it)");
      }
    }
    try {
      Path dir = Files.createTempDirectory("sesame-slapd");
      Files.createDirectories(dir.resolve("db"));
      Path conf = dir.resolve("slapd.conf");
      Files.writeString(conf, String.join("\n",
          "include /etc/ldap/schema/core.schema",
          "include /etc/ldap/schema/cosine.schema",
          "include /etc/ldap/schema/inetorgperson.schema",
          "include /etc/ldap/schema/nis.schema",
          "pidfile " + dir.resolve("slapd.pid"),
          "modulepath /usr/lib/ldap",
          "moduleload back_mdb",
          "database mdb",
          "maxsize 10485760",
          "suffix \"dc=brightwave,dc=example\"",
          "rootdn \"" + ROOT_DN + "\"",
          "rootpw " + ROOT_PASSWORD,
          "directory " + dir.resolve("db"),
          ""));
      Path data = dir.resolve("seed.ldif");
      Files.writeString(data, rewrite.apply(new ClassPathResource(ldif).getContentAsString(StandardCharsets.UTF_8)));
      run(List.of("/usr/sbin/slapadd", "-q", "-f", conf.toString(), "-l", data.toString()));
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Slapd slapd = new Slapd(dir, port, null);
      slapd.process = slapd.launch();
      return slapd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "ldap://127.0.0.1:" + port;
  }

  /** Stops the server; the data stays, so it could be started again. */
  void stop() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private Process launch() throws IOException {
    // -d 0 keeps slapd in the foreground, so the test owns the process and nothing outlives it.
    Process started = new ProcessBuilder("/usr/sbin/slapd", "-d", "0", "-f", dir.resolve("slapd.conf").toString(),
        "-h", url() + "/").redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return started;
      } catch (IOException notYet) {
        if (!started.isAlive()) {
          throw new IllegalStateException("slapd did not start: " + Files.readString(dir.resolve("slapd.log")));
        }
        sleep();
      }
    }
    started.destroy();
    throw new IllegalStateException("slapd did not listen on " + url() + " within 20 s");
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
