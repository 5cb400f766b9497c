package dev.sesame.catalog;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.sesame.directory.Person;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Compiles and evaluates access rules. Rules are compiled when an app is saved, so a rule that
 * names an unknown variable or does not yield a boolean never reaches a requester. Thread-safe.
 */
public final class AccessRules {

  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .addVar("user", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .setResultType(SimpleType.BOOL)
      .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

  private AccessRules() {}

  /**
   * Why the rule cannot be used: it does not compile (with line and column), or it yields
   * something other than true or false for a sample person; empty when it is usable.
   */
  public static Optional<String> problem(AccessRule rule) {
    try {
      CelRuntime.Program program = program(rule);
      return sampleResult(program)
          .filter(result -> !(result instanceof Boolean))
          .map(result -> "is not a yes/no rule: it yields " + describe(result) + ", not true or false; compare an attribute, "
              + "e.g. user.department == 'Engineering'");
    } catch (CelValidationException e) {
      return Optional.of("does not compile: " + e.getErrors().stream()
          .map(AccessRules::describe)
          .collect(Collectors.joining("; ")));
    } catch (CelEvaluationException e) {
      return Optional.of("does not compile: " + e.getMessage());
    }
  }

  /** Whether the person passes the rule; a rule that cannot be evaluated is kept apart. */
  public static Outcome evaluate(AccessRule rule, Person person) {
    if (rule.isEveryone()) {
      return Outcome.ALLOWED;
    }
    try {
      Object result = program(rule).eval(Map.of("user", person.attributes()));
      // NB. A rule such as "user.department" compiles (attributes are dyn) but yields no boolean.
      if (!(result instanceof Boolean allowed)) {
        return Outcome.FAILED;
      }
      return allowed ? Outcome.ALLOWED : Outcome.REFUSED;
    } catch (CelValidationException | CelEvaluationException e) {
      return Outcome.FAILED;
    }
  }

  private static CelRuntime.Program program(AccessRule rule)
      throws CelValidationException, CelEvaluationException {
    CelRuntime.Program cached = PROGRAMS.get(rule.expression());
    if (cached != null) {
      return cached;
    }
    CelAbstractSyntaxTree ast = COMPILER.compile(rule.expression()).getAst();
    CelRuntime.Program program = RUNTIME.createProgram(ast);
    if (PROGRAMS.size() < 10_000) {
      PROGRAMS.put(rule.expression(), program);
    }
    return program;
  }

  // Every attribute a person has, with neutral values: a rule of the wrong type shows itself here.
  private static Optional<Object> sampleResult(CelRuntime.Program program) {
    Map<String, Object> user = new java.util.HashMap<>();
    for (String key : List.of("login", "email", "displayName", "title", "department", "location", "country",
        "employmentType", "manager")) {
      user.put(key, "");
    }
    user.put("groups", List.of());
    user.put("active", true);
    try {
      return Optional.ofNullable(program.eval(Map.of("user", user)));
    } catch (CelEvaluationException e) {
      return Optional.empty();
    }
  }

  private static String describe(Object result) {
    if (result instanceof String) {
      return "a text";
    }
    if (result instanceof Number) {
      return "a number";
    }
    if (result instanceof java.util.Collection<?>) {
      return "a list";
    }
    return "a " + result.getClass().getSimpleName();
  }

  private static String describe(CelIssue issue) {
    var at = issue.getSourceLocation();
    return "line " + at.getLine() + ", column " + (at.getColumn() + 1) + ": " + issue.getMessage();
  }

  /** The result of checking one person against one rule. */
  public enum Outcome {
    /** The person passes the rule. */
    ALLOWED,
    /** The rule evaluated to false for the person. */
    REFUSED,
    /** The rule could not be evaluated for the person (e.g. a missing attribute). */
    FAILED
  }
}
