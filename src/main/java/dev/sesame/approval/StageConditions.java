package dev.sesame.approval;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles and evaluates the conditions of policy stages: CEL over {@code user} (the requester's
 * attributes, as in access rules), {@code app} (the app's name), {@code role} (the role's name,
 * empty for apps without roles) and {@code answers} (the requester's answers, by question key).
 * Checked when a policy is saved; at run time a condition that cannot be evaluated counts as
 * true, so a broken condition adds a stage rather than silently skipping one. Thread-safe.
 */
public final class StageConditions {

  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .addVar("user", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .addVar("app", SimpleType.STRING)
      .addVar("role", SimpleType.STRING)
      .addVar("answers", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .setResultType(SimpleType.BOOL)
      .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

  private StageConditions() {}

  /** Why the condition cannot be used (with line and column), empty when it compiles to a yes/no. */
  public static Optional<String> problem(String condition) {
    if (condition.isBlank()) {
      return Optional.empty();
    }
    try {
      program(condition);
      return Optional.empty();
    } catch (CelValidationException e) {
      return Optional.of("does not compile: " + e.getErrors().stream()
          .map(i -> "line " + i.getSourceLocation().getLine() + ", column " + (i.getSourceLocation().getColumn() + 1)
              + ": " + i.getMessage())
          .reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
    } catch (CelEvaluationException e) {
      return Optional.of("does not compile: " + e.getMessage());
    }
  }

  /** Whether the stage applies to this request; a condition that fails to evaluate applies. */
  public static boolean applies(String condition, RequestFacts facts) {
    if (condition.isBlank()) {
      return true;
    }
    try {
      Object result = program(condition).eval(Map.of(
          "user", facts.requester().attributes(),
          "app", facts.app(),
          "role", facts.role(),
          "answers", facts.answers()));
      return !(result instanceof Boolean b) || b;
    } catch (CelValidationException | CelEvaluationException e) {
      return true;
    }
  }

  private static CelRuntime.Program program(String condition) throws CelValidationException, CelEvaluationException {
    CelRuntime.Program cached = PROGRAMS.get(condition);
    if (cached != null) {
      return cached;
    }
    CelAbstractSyntaxTree ast = COMPILER.compile(condition).getAst();
    CelRuntime.Program program = RUNTIME.createProgram(ast);
    if (PROGRAMS.size() < 10_000) {
      PROGRAMS.put(condition, program);
    }
    return program;
  }
}
