package dev.sesame.catalog;

import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.ApproverSource;
import dev.sesame.approval.PolicyName;
import dev.sesame.approval.Quorum;
import dev.sesame.approval.StageConditions;
import dev.sesame.approval.StageRule;
import dev.sesame.common.FieldError;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The JSON/YAML form of an approval policy, read with every error and its path, in the catalog
 * document's {@code policies} list and in the policies API:
 *
 * <pre>
 * name: production-access
 * description: Production roles need the manager and two owners
 * stages:
 *   - name: Manager
 *     approvers: [manager]
 *   - name: Security
 *     when: user.employmentType != 'full-time'
 *     approvers: [group:security-team]
 *   - name: Owners
 *     approvers: [app-admins]
 *     quorum: 2            # any (default), all, or a number
 * fallback: [group:it-helpdesk]   # absent: the catalog admins; []: nobody (needs attention)
 * remindEvery: PT24H       # ISO-8601 durations; absent: never
 * escalateAfter: P2D
 * expireAfter: P14D
 * </pre>
 *
 * <p>A stage without a {@code name} is called "Stage N"; a blank name is an error, never a reason to
 * leave the stage out. Every stage is read to the end, so all of its errors (a blank name, a {@code
 * when} that does not compile, unknown approvers) are reported together, and nothing is returned
 * while there is any.
 */
public final class PolicyCodec {

  static final Set<String> POLICY_KEYS = keys("name", "description", "stages", "fallback", "remindEvery",
      "escalateAfter", "expireAfter");
  private static final Set<String> STAGE_KEYS = keys("name", "when", "approvers", "quorum");
  private static final Duration SHORTEST = Duration.ofSeconds(1);
  private static final Duration LONGEST = Duration.ofDays(365);

  private PolicyCodec() {}

  /** The result of reading one policy: the policy, or every error found. */
  public record Read(Optional<ApprovalPolicy> policy, List<FieldError> errors) {}

  /** Reads one policy found at {@code path} (e.g. {@code policies[1]}; empty for a single policy). */
  public static Read read(JsonNode node, String path) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Fields> fields = Fields.nested(node, path, errors, POLICY_KEYS);
    if (fields.isEmpty()) {
      return new Read(Optional.empty(), errors);
    }
    Fields f = fields.get();
    Optional<PolicyName> name = f.value("name", 200, PolicyName::new);
    String description = f.optionalText("description", 2000).orElse("");
    List<StageRule> stages = new ArrayList<>();
    List<JsonNode> stageNodes = f.list("stages", 10);
    if (f.node("stages").isEmpty()) {
      f.error("stages", "is required: a list of stages (an empty list approves at once)");
    }
    for (int i = 0; i < stageNodes.size(); i++) {
      String at = f.at("stages") + "[" + i + "]";
      int number = i + 1;
      Fields.nested(stageNodes.get(i), at, errors, STAGE_KEYS).ifPresent(s -> {
        Optional<String> named = s.optionalText("name", 100);
        if (named.isPresent() && named.get().isBlank()) {
          s.error("name", "must not be blank; leave it out to call the stage 'Stage " + number + "'");
        }
        String stageName = named.orElse("Stage " + number);
        String when = s.optionalText("when", 4000).orElse("");
        StageConditions.problem(when).ifPresent(p -> s.error("when", p));
        List<ApproverSource> approvers = sources(s, "approvers", errors);
        if (s.node("approvers").isEmpty()) {
          s.error("approvers", "is required: manager, managers-manager, app-admins, person:<login> or group:<name>");
        } else if (approvers.isEmpty() && s.node("approvers").get().isArray() && s.node("approvers").get().isEmpty()) {
          s.error("approvers", "must name at least one source of approvers");
        }
        Quorum quorum = quorum(s);
        if (!approvers.isEmpty()) {
          stages.add(new StageRule(stageName, when, approvers, quorum));
        }
      });
    }
    List<ApproverSource> fallback = f.node("fallback").isPresent() ? sources(f, "fallback", errors) : null;
    Duration remind = duration(f, "remindEvery");
    Duration escalate = duration(f, "escalateAfter");
    Duration expire = duration(f, "expireAfter");
    if (!errors.isEmpty()) {
      return new Read(Optional.empty(), errors);
    }
    return new Read(Optional.of(new ApprovalPolicy(name.orElseThrow(), description, stages, fallback, remind,
        escalate, expire)), errors);
  }

  private static List<ApproverSource> sources(Fields f, String key, List<FieldError> errors) {
    List<ApproverSource> out = new ArrayList<>();
    List<JsonNode> nodes = f.list(key, 20);
    for (int i = 0; i < nodes.size(); i++) {
      String at = f.at(key) + "[" + i + "]";
      if (!nodes.get(i).isString()) {
        errors.add(new FieldError(at, "must be text: manager, managers-manager, app-admins, person:<login> or group:<name>"));
        continue;
      }
      try {
        out.add(ApproverSource.parse(nodes.get(i).asString()));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(at, e.getMessage()));
      }
    }
    return out;
  }

  private static Quorum quorum(Fields s) {
    Optional<JsonNode> node = s.node("quorum");
    if (node.isEmpty()) {
      return Quorum.ANY;
    }
    String text = node.get().isNumber() ? node.get().asString() : node.get().isString() ? node.get().asString() : "?";
    return s.parse("quorum", text, Quorum::parse).orElse(Quorum.ANY);
  }

  private static @Nullable Duration duration(Fields f, String key) {
    Optional<String> text = f.optionalText(key, 40);
    if (text.isEmpty()) {
      return null;
    }
    try {
      Duration d = Duration.parse(text.get().strip());
      if (d.compareTo(SHORTEST) < 0 || d.compareTo(LONGEST) > 0) {
        f.error(key, "must be between 1 second and 365 days");
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      f.error(key, "'" + text.get().strip() + "' is not an ISO-8601 duration; write e.g. PT24H, P2D or PT30M");
      return null;
    }
  }

  /** The JSON/YAML form of a policy, keys in the order an admin reads them. */
  public static Map<String, Object> write(ApprovalPolicy policy) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", policy.name().value());
    out.put("description", policy.description());
    out.put("stages", policy.stages().stream().map(s -> {
      Map<String, Object> stage = new LinkedHashMap<>();
      stage.put("name", s.name());
      if (!s.when().isEmpty()) {
        stage.put("when", s.when());
      }
      stage.put("approvers", s.approvers().stream().map(ApproverSource::token).toList());
      stage.put("quorum", s.quorum().token());
      return stage;
    }).toList());
    if (policy.fallback() != null) {
      out.put("fallback", policy.fallback().stream().map(ApproverSource::token).toList());
    }
    if (policy.remindEvery() != null) {
      out.put("remindEvery", policy.remindEvery().toString());
    }
    if (policy.escalateAfter() != null) {
      out.put("escalateAfter", policy.escalateAfter().toString());
    }
    if (policy.expireAfter() != null) {
      out.put("expireAfter", policy.expireAfter().toString());
    }
    return out;
  }

  private static Set<String> keys(String... keys) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(keys)));
  }
}
