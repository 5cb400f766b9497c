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
    return evaluate(condition, facts).applies();
  }

  /** What the condition says for this request, and why a failed one still applies. */
  public static Evaluation evaluate(String condition, RequestFacts facts) {
    if (condition.isBlank()) {
      return new Evaluation(Outcome.ALWAYS, "");
    }
    try {
      Object result = program(condition).eval(Map.of(
          "user", facts.requester().attributes(),
          "app", facts.app(),
          "role", facts.role(),
          "answers", facts.answers()));
      if (result instanceof Boolean b) {
        return new Evaluation(b ? Outcome.TRUE : Outcome.FALSE, "");
      }
      return new Evaluation(Outcome.FAILED, "it gave " + result + " rather than true or false");
    } catch (CelValidationException | CelEvaluationException e) {
      return new Evaluation(Outcome.FAILED, e.getMessage());
    }
  }

  /** What a condition gave for one request. */
  public enum Outcome {
    /** The stage has no condition. */
    ALWAYS,
    /** The condition holds: the stage applies. */
    TRUE,
    /** The condition does not hold: the stage is skipped. */
    FALSE,
    /** The condition could not be evaluated: the stage applies rather than being skipped silently. */
    FAILED
  }

  /**
   * The outcome of a condition for one request.
   *
   * @param problem why the condition could not be evaluated; empty unless {@link Outcome#FAILED}
   */
  public record Evaluation(Outcome outcome, String problem) {
    /** True when the stage applies. */
    public boolean applies() {
      return outcome != Outcome.FALSE;
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
