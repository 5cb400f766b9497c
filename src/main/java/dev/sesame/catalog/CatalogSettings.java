package dev.sesame.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog's settings ({@code sesame.catalog.*}).
 *
 * @param seed the YAML catalog loaded when the catalog is empty (first start); empty for none
 */
@ConfigurationProperties("sesame.catalog")
public record CatalogSettings(@DefaultValue("classpath:catalog/catalog.yaml") String seed) {}
