package dev.sesame.directory.ldap;

import dev.sesame.directory.DirectoryConnection;
import dev.sesame.directory.DirectorySettings;
import dev.sesame.directory.embedded.EmbeddedDirectoryServer;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the company directory: the embedded demo directory when {@code sesame.directory.url} is
 * not set, the {@link DirectoryConnection} other modules connect with, and the {@link LdapDirectory}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectorySettings.class)
class DirectoryConfiguration {

  /** The folder Sesame keeps its files in; the embedded directory saves itself below it. */
  static final String DATA_DIR = "sesame.data-dir";

  @Bean
  @Conditional(NoDirectoryUrl.class)
  EmbeddedDirectoryServer embeddedDirectoryServer(
      DirectorySettings settings, ResourceLoader resources, Environment environment) {
    DirectorySettings.Embedded embedded = settings.embedded();
    return EmbeddedDirectoryServer.start(
        embedded.baseDn(),
        embedded.port(),
        resources.getResource(embedded.seed()),
        Path.of(environment.getProperty(DATA_DIR, "./data")));
  }

  @Bean
  DirectoryConnection directoryConnection(
      DirectorySettings settings, ObjectProvider<EmbeddedDirectoryServer> embedded) {
    if (settings.useEmbedded()) {
      return embedded.getObject().connection();
    }
    return new DirectoryConnection(settings.url(), settings.bindDn(), settings.bindPassword());
  }

  @Bean
  LdapDirectory directory(DirectoryConnection connection, DirectorySettings settings, ObjectProvider<Clock> clock) {
    return new LdapDirectory(
        connection, settings.peopleBase(), settings.groupsBase(), clock.getIfAvailable(Clock::systemUTC));
  }

  /** Matches when no external directory URL is configured. */
  static final class NoDirectoryUrl implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return context.getEnvironment().getProperty("sesame.directory.url", "").isBlank();
    }
  }
}
