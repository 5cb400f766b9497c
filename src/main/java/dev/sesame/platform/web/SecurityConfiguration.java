package dev.sesame.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every endpoint needs a signed-in person: pages through the login form (a session), the API
 * through the login form's session or HTTP Basic. Forms are CSRF-protected; Basic requests are
 * exempt because a browser never adds that header across sites on its own. Catalog changes need
 * the catalog-admin role here and again in the use cases.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final RequestMatcher BASIC = request -> {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  };
  private static final RequestMatcher API = (HttpServletRequest request) ->
      request.getRequestURI().startsWith(request.getContextPath() + "/api/");

  @Bean
  SecurityFilterChain security(HttpSecurity http, DirectoryAuthenticationProvider provider) throws Exception {
    http
        .authenticationProvider(provider)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/admin/**", "/api/audit/**", "/actuator/**").hasRole(DirectoryAuthenticationProvider.CATALOG_ADMIN)
            // Catalog changes: refused here before any body is read, and again in the use cases.
            .requestMatchers(HttpMethod.POST, "/api/apps/**", "/api/catalog/**").hasRole(DirectoryAuthenticationProvider.CATALOG_ADMIN)
            .requestMatchers(HttpMethod.PUT, "/api/apps/**").hasRole(DirectoryAuthenticationProvider.CATALOG_ADMIN)
            .requestMatchers(HttpMethod.DELETE, "/api/apps/**").hasRole(DirectoryAuthenticationProvider.CATALOG_ADMIN)
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/chat", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .httpBasic(basic -> basic.realmName("Sesame"))
        .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")));
    return http.build();
  }
}
