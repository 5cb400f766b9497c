package dev.sesame.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sesame.common.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

class DryRunGuardTest {

  private final DryRunGuard.Interceptor guard = new DryRunGuard.Interceptor();

  @SuppressWarnings("unused")
  static class Actions {
    void approve(@RequestParam(required = false) String comment) {}

    void revoke(@RequestParam(defaultValue = "false") boolean dryRun) {}

    void named(@RequestParam(name = "dryRun", defaultValue = "false") boolean check) {}

    void all(@RequestParam Map<String, String> parameters) {}
  }

  @Test
  void preHandle_whenDryRunAndTheActionHasNone_thenRefusedNamingDryRun() throws Exception {
    assertThatThrownBy(() -> guard.preHandle(request("true"), new MockHttpServletResponse(), handler("approve")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors())
            .singleElement().satisfies(f -> {
              assertThat(f.field()).isEqualTo("dryRun");
              assertThat(f.reason()).isEqualTo("this action has no dry run");
            }));
    assertThatThrownBy(() -> guard.preHandle(request("false"), new MockHttpServletResponse(), handler("approve")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void preHandle_whenTheActionBindsDryRun_thenGoesOn() throws Exception {
    for (String action : new String[] {"revoke", "named", "all"}) {
      assertThat(guard.preHandle(request("true"), new MockHttpServletResponse(), handler(action))).isTrue();
    }
  }

  @Test
  void preHandle_whenNoDryRun_thenGoesOn() throws Exception {
    assertThat(guard.preHandle(new MockHttpServletRequest("POST", "/api/x"), new MockHttpServletResponse(),
        handler("approve"))).isTrue();
  }

  private static MockHttpServletRequest request(String dryRun) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
    request.addParameter("dryRun", dryRun);
    return request;
  }

  private static HandlerMethod handler(String name) {
    for (var method : Actions.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return new HandlerMethod(new Actions(), method);
      }
    }
    throw new IllegalArgumentException(name);
  }
}
