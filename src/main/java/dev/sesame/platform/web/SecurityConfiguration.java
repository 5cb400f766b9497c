package dev.sesame.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
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
            .requestMatchers("/admin/**", "/api/audit/**", "/api/systems/**", "/api/jobs/**", "/actuator/**").hasRole(DirectoryAuthenticationProvider.CATALOG_ADMIN)
            // Catalog changes: refused here before any body is read, and again in the use cases.
            .requestMatchers(HttpMethod.POST, "/api/apps/**", "/api/catalog/**").hasRole(DirectoryAuthenticationProvider.CATALOG_ADMIN)
            .requestMatchers(HttpMethod.PUT, "/api/apps/**", "/api/policies/**").hasRole(DirectoryAuthenticationProvider.CATALOG_ADMIN)
            .requestMatchers(HttpMethod.DELETE, "/api/apps/**").hasRole(DirectoryAuthenticationProvider.CATALOG_ADMIN)
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/chat", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .httpBasic(basic -> basic.realmName("Sesame").authenticationEntryPoint((request, response, e) ->
            problem(response, HttpStatus.UNAUTHORIZED, "Wrong login or password")))
        .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                "Sign in: HTTP Basic with your directory login and password"), API)
            .defaultAccessDeniedHandlerFor((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                "This needs a catalog admin, or the CSRF token of your session"), API)
            // NB. with a single mapping Spring Security would use it for pages too: pages get the 403 page.
            .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> !API.matches(request)))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")));
    return http.build();
  }

  // Security answers come before any controller, so they are written here in the same RFC 9457
  // shape as ApiErrors writes; the texts are fixed, never taken from the request.
  private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    response.setStatus(status.value());
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Sesame\"");
    }
    response.setContentType("application/problem+json");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
        + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
  }
}
