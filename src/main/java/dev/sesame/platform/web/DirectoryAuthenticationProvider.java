package dev.sesame.platform.web;

import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.Directory;
import dev.sesame.directory.PersonId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs people in with their directory password (an LDAP bind). Catalog admins get the role
 * {@code CATALOG_ADMIN}; everyone gets {@code EMPLOYEE}.
 */
@Component
class DirectoryAuthenticationProvider implements AuthenticationProvider {

  static final String CATALOG_ADMIN = "CATALOG_ADMIN";

  private final Directory directory;
  private final CatalogAdmins admins;
  private final LoginThrottle throttle;

  DirectoryAuthenticationProvider(Directory directory, CatalogAdmins admins, LoginThrottle throttle) {
    this.directory = directory;
    this.admins = admins;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    Optional<PersonId> person = PersonId.parse(authentication.getName());
    if (person.isEmpty()) {
      throw new BadCredentialsException("wrong login or password");
    }
    if (!throttle.wait(person.get()).isZero()) {
      throw new LockedException("too many failed sign-ins; try again in a minute");
    }
    // NB. an empty password would be an anonymous bind, which many directories accept.
    if (password.isEmpty() || !directory.authenticate(person.get(), password)) {
      throttle.failed(person.get());
      throw new BadCredentialsException("wrong login or password");
    }
    throttle.succeeded(person.get());
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_EMPLOYEE"));
    if (admins.includes(person.get())) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + CATALOG_ADMIN));
    }
    return UsernamePasswordAuthenticationToken.authenticated(person.get().value(), null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
