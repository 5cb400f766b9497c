package dev.sesame.platform.web;

import dev.sesame.common.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses {@code ?dryRun=…} on an API action that has no dry run, before the action runs: Spring
 * ignores a query parameter nobody binds, so without this {@code POST /api/requests/{id}/approve?dryRun=true}
 * would really approve. The answer is the usual 400 problem ({@code dryRun: this action has no dry
 * run}, with {@code errors}), written by {@link ApiErrors}. An action has a dry run when one of its
 * parameters is a {@code @RequestParam} named {@code dryRun} (or one taking every parameter as a map).
 */
@Configuration(proxyBeanMethods = false)
class DryRunGuard implements WebMvcConfigurer {

  static final String PARAMETER = "dryRun";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new Interceptor()).addPathPatterns("/api/**");
  }

  /** The interceptor itself; throws so that {@link ApiErrors} answers in its own shape. */
  static final class Interceptor implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      if (request.getParameter(PARAMETER) == null && !request.getParameterMap().containsKey(PARAMETER)) {
        return true;
      }
      if (handler instanceof HandlerMethod method && !hasDryRun(method)) {
        throw new InvalidInputException(PARAMETER, "this action has no dry run");
      }
      return true;
    }

    static boolean hasDryRun(HandlerMethod method) {
      return Arrays.stream(method.getMethodParameters()).anyMatch(Interceptor::bindsDryRun);
    }

    private static boolean bindsDryRun(MethodParameter parameter) {
      RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
      if (annotation == null) {
        return false;
      }
      if (!annotation.name().isEmpty()) {
        return annotation.name().equals(PARAMETER);
      }
      if (Map.class.isAssignableFrom(parameter.getParameterType())) {
        return true;
      }
      parameter.initParameterNameDiscovery(NAMES);
      return PARAMETER.equals(parameter.getParameterName());
    }
  }
}
