package dev.sesame.catalog;

import dev.sesame.directory.PersonId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the seed catalog on the first start, when the catalog is still empty. It runs once every
 * bean exists and before the web server opens, so Sesame never answers with an empty catalog.
 */
@Component
@EnableConfigurationProperties(CatalogSettings.class)
class CatalogSeeder implements SmartInitializingSingleton {

  /** The actor of changes Sesame makes itself. */
  static final PersonId SESAME = new PersonId("sesame");

  private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

  private final CatalogRepository repository;
  private final ImportCatalog importer;
  private final CatalogSettings settings;
  private final ResourceLoader resources;

  CatalogSeeder(CatalogRepository repository, ImportCatalog importer, CatalogSettings settings,
      ResourceLoader resources) {
    this.repository = repository;
    this.importer = importer;
    this.settings = settings;
    this.resources = resources;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (settings.seed().isBlank() || !repository.isEmpty()) {
      return;
    }
    String yaml;
    try {
      yaml = resources.getResource(settings.seed()).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("sesame.catalog.seed: cannot read " + settings.seed() + ": " + e.getMessage(), e);
    }
    ImportCatalog.Report report = importer.seed(yaml);
    if (report.changes().isEmpty()) {
      return;
    }
    log.info("Loaded {} apps into the empty catalog from {}", report.changes().size(), settings.seed());
  }
}
