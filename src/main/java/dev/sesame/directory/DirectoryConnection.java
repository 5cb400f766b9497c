package dev.sesame.directory;

/**
 * How to reach the company directory over LDAP, once the embedded demo directory (if any) has
 * started. Other modules use it to default their own connections to the same server.
 */
public record DirectoryConnection(String url, String bindDn, String bindPassword) {

  @Override
  public String toString() {
    return "DirectoryConnection[url=" + url + ", bindDn=" + bindDn + "]";
  }
}
