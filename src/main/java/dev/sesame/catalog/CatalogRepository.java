package dev.sesame.catalog;

import dev.sesame.directory.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores apps and their versions; entries are kept in their JSON form. */
@Repository
class CatalogRepository {

  private static final String COLUMNS =
      "entry::text as entry, version, archived, changed_at, changed_by, change_description";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  CatalogRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<CatalogApp> find(AppName name) {
    return jdbc.sql("select " + COLUMNS + " from catalog_app where app_key = ?")
        .param(name.key()).query(this::map).optional();
  }

  /** Reads the app and locks its row until the transaction ends. */
  Optional<CatalogApp> lock(AppName name) {
    return jdbc.sql("select " + COLUMNS + " from catalog_app where app_key = ? for update")
        .param(name.key()).query(this::map).optional();
  }

  /** Reads the app and keeps it from changing (a share lock) until the transaction ends. */
  Optional<CatalogApp> share(AppName name) {
    return jdbc.sql("select " + COLUMNS + " from catalog_app where app_key = ? for share")
        .param(name.key()).query(this::map).optional();
  }

  List<CatalogApp> all() {
    return jdbc.sql("select " + COLUMNS + " from catalog_app order by lower(name)").query(this::map).list();
  }

  List<CatalogApp> history(AppName name) {
    return jdbc.sql("select " + COLUMNS + " from catalog_app_version where app_key = ? order by version desc")
        .param(name.key()).query(this::map).list();
  }

  /** Waits for, then holds until the transaction ends, the lock that lets one node seed the catalog. */
  void lockForSeeding() {
    jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtext('sesame.catalog.seed'))) as locked")
        .query(Long.class).single();
  }

  boolean isEmpty() {
    return jdbc.sql("select count(*) from catalog_app").query(Long.class).single() == 0;
  }

  /** Inserts a new app; a duplicate name fails with a {@code DuplicateKeyException}. */
  void insert(CatalogApp app) {
    String entry = json.writeValueAsString(CatalogCodec.write(app.entry()));
    Revision r = app.revision();
    jdbc.sql("""
        insert into catalog_app (app_key, name, version, archived, entry, changed_at, changed_by, change_description)
        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
        """)
        .params(app.name().key(), app.name().value(), r.version(), app.archived(), entry,
            Timestamp.from(r.changedAt()), r.changedBy().value(), r.description())
        .update();
    appendVersion(app, entry);
  }

  /** Replaces the current entry; a second writer of the same version fails on the version key. */
  void update(CatalogApp app) {
    String entry = json.writeValueAsString(CatalogCodec.write(app.entry()));
    Revision r = app.revision();
    jdbc.sql("""
        update catalog_app set version = ?, archived = ?, entry = ?::jsonb, changed_at = ?,
          changed_by = ?, change_description = ? where app_key = ?
        """)
        .params(r.version(), app.archived(), entry, Timestamp.from(r.changedAt()), r.changedBy().value(),
            r.description(), app.name().key())
        .update();
    appendVersion(app, entry);
  }

  private void appendVersion(CatalogApp app, String entry) {
    Revision r = app.revision();
    jdbc.sql("""
        insert into catalog_app_version (app_key, version, archived, entry, changed_at, changed_by, change_description)
        values (?, ?, ?, ?::jsonb, ?, ?, ?)
        """)
        .params(app.name().key(), r.version(), app.archived(), entry, Timestamp.from(r.changedAt()),
            r.changedBy().value(), r.description())
        .update();
  }

  private CatalogApp map(ResultSet rs, int row) throws SQLException {
    CatalogCodec.Read read = CatalogCodec.read(json.readTree(rs.getString("entry")), "");
    CatalogEntry entry = read.entry().orElseThrow(() ->
        new IllegalStateException("stored catalog entry no longer reads: " + read.errors()));
    Revision revision = new Revision(rs.getInt("version"), rs.getString("change_description"),
        rs.getTimestamp("changed_at").toInstant(), new PersonId(rs.getString("changed_by")));
    return new CatalogApp(entry, revision, rs.getBoolean("archived"));
  }
}
