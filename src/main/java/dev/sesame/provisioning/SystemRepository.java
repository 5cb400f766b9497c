package dev.sesame.provisioning;

import dev.sesame.common.SecretBox;
import dev.sesame.directory.PersonId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores provisioning systems. Secrets are sealed with the {@link SecretBox} before they reach the
 * database (bound to the system's name) and opened only to build a connector.
 */
@Repository
class SystemRepository {

  private static final String COLUMNS =
      "name, kind, settings::text as settings, secret_names, follows_directory, version, changed_at, changed_by";
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final SecretBox box;

  SystemRepository(JdbcClient jdbc, JsonMapper json, SecretBox box) {
    this.jdbc = jdbc;
    this.json = json;
    this.box = box;
  }

  Optional<ProvisioningSystem> find(ProvisioningSystemId id) {
    return jdbc.sql("select " + COLUMNS + " from provisioning_system where name = ?")
        .param(id.value()).query(this::map).optional();
  }

  /** Reads the system and locks its row until the transaction ends. */
  Optional<ProvisioningSystem> lock(ProvisioningSystemId id) {
    return jdbc.sql("select " + COLUMNS + " from provisioning_system where name = ? for update")
        .param(id.value()).query(this::map).optional();
  }

  List<ProvisioningSystem> all() {
    return jdbc.sql("select " + COLUMNS + " from provisioning_system order by name").query(this::map).list();
  }

  /** The version of each system, cheap enough to read on every use of a connector. */
  Optional<Integer> version(ProvisioningSystemId id) {
    return jdbc.sql("select version from provisioning_system where name = ?")
        .param(id.value()).query(Integer.class).optional();
  }

  boolean isEmpty() {
    return jdbc.sql("select count(*) from provisioning_system").query(Long.class).single() == 0;
  }

  /** The system's secrets in clear, for building its connector only. */
  Map<String, String> secrets(ProvisioningSystemId id) {
    Optional<byte[]> sealed = jdbc.sql("select secrets from provisioning_system where name = ? and secrets is not null")
        .param(id.value()).query((rs, n) -> rs.getBytes(1)).optional();
    return sealed.map(bytes -> json.readValue(box.open(bytes, id.toString()), MAP)).map(Map::copyOf).orElse(Map.of());
  }

  /** Inserts the system unless one with its name exists; true when inserted. */
  boolean insertIfAbsent(ProvisioningSystem system, Map<String, String> secrets) {
    return jdbc.sql("""
        insert into provisioning_system
          (name, kind, settings, secrets, secret_names, follows_directory, version, changed_at, changed_by)
        values (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
        on conflict (name) do nothing
        """)
        .params(system.id().value(), system.kind(), json.writeValueAsString(new TreeMap<>(system.settings())),
            seal(system.id(), secrets), names(secrets), system.followsDirectory(), system.version(),
            Timestamp.from(system.changedAt()), system.changedBy().value())
        .update() == 1;
  }

  void update(ProvisioningSystem system, Map<String, String> secrets) {
    jdbc.sql("""
        update provisioning_system set kind = ?, settings = ?::jsonb, secrets = ?, secret_names = ?,
          follows_directory = ?, version = ?, changed_at = ?, changed_by = ?
        where name = ?
        """)
        .params(system.kind(), json.writeValueAsString(new TreeMap<>(system.settings())), seal(system.id(), secrets),
            names(secrets), system.followsDirectory(), system.version(), Timestamp.from(system.changedAt()),
            system.changedBy().value(), system.id().value())
        .update();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private byte[] seal(ProvisioningSystemId id, Map<String, String> secrets) {
    return box.seal(json.writeValueAsString(new TreeMap<>(secrets)), id.toString());
  }

  private static String[] names(Map<String, String> secrets) {
    return secrets.keySet().stream().sorted().toArray(String[]::new);
  }

  private ProvisioningSystem map(ResultSet rs, int row) throws SQLException {
    Array names = rs.getArray("secret_names");
    return new ProvisioningSystem(
        new ProvisioningSystemId(rs.getString("name")),
        rs.getString("kind"),
        json.readValue(rs.getString("settings"), MAP),
        Set.copyOf(Arrays.asList((String[]) names.getArray())),
        rs.getBoolean("follows_directory"),
        rs.getInt("version"),
        rs.getTimestamp("changed_at").toInstant(),
        new PersonId(rs.getString("changed_by")));
  }
}
