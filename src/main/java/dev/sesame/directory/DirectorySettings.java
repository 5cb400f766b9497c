package dev.sesame.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the company directory is and how to read it ({@code sesame.directory.*}).
 *
 * @param url LDAP URL of the directory; empty means the embedded demo directory
 * @param bindDn the service account Sesame reads the directory with; empty binds anonymously
 * @param bindPassword the service account's password (never logged)
 * @param peopleBase the DN under which people live
 * @param groupsBase the DN under which groups live
 * @param catalogAdminsGroup the common name of the group whose members may change the catalog
 * @param embedded the demo directory Sesame serves itself when no URL is set
 */
@ConfigurationProperties("sesame.directory")
public record DirectorySettings(
    @DefaultValue("") String url,
    @DefaultValue("") String bindDn,
    @DefaultValue("") String bindPassword,
    @DefaultValue("ou=people,dc=brightwave,dc=example") String peopleBase,
    @DefaultValue("ou=groups,dc=brightwave,dc=example") String groupsBase,
    @DefaultValue("sesame-catalog-admins") String catalogAdminsGroup,
    @DefaultValue Embedded embedded) {

  /** True when Sesame serves the demo directory itself. */
  public boolean useEmbedded() {
    return url.isBlank();
  }

  @Override
  public String toString() {
    return "DirectorySettings[url=" + url + ", bindDn=" + bindDn + ", peopleBase=" + peopleBase + "]";
  }

  /**
   * The embedded demo directory.
   *
   * @param port the port it listens on (0 picks a free one)
   * @param seed the LDIF it starts from the first time
   * @param baseDn the suffix it serves
   */
  public record Embedded(
      @DefaultValue("10389") int port,
      @DefaultValue("classpath:directory/brightwave.ldif") String seed,
      @DefaultValue("dc=brightwave,dc=example") String baseDn) {}
}
