package dev.sesame.catalog.web;

import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.ApproverSource;
import dev.sesame.approval.StageRule;
import dev.sesame.common.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The policy editor as the admin typed it, in plain texts so nothing typed is lost when the form
 * comes back with errors. Approvers are checkboxes (manager, manager's manager, app admins) plus
 * comma-separated logins and group names; times are an amount and a unit; the form becomes the
 * policy's JSON form ({@link dev.sesame.catalog.PolicyCodec}), so the console and the API read
 * policies the same way.
 *
 * @param fallback {@code admins} (the catalog admins), {@code named} or {@code none}
 * @param version the version the admin read; empty for a new policy
 */
record PolicyForm(
    String name, String description, List<StageRow> stages, String fallback, String fallbackPeople,
    String fallbackGroups, Timing remindEvery, Timing escalateAfter, Timing expireAfter, String version,
    String changeDescription, String previewPerson, String previewApp, String previewRole) {

  /** More stages than a policy may have; rows beyond are dropped rather than bound. */
  static final int MAX_ROWS = 12;

  private static final Pattern ROW = Pattern.compile("stages\\[(\\d{1,2})]\\.(\\w+)");
  private static final List<String> COLUMNS = List.of("name", "when", "manager", "managersManager", "appAdmins",
      "people", "groups", "quorum", "quorumCount");

  PolicyForm {
    stages = List.copyOf(stages);
  }

  /**
   * One stage as typed.
   *
   * @param quorum {@code any}, {@code all} or {@code n} (then {@code quorumCount} says how many)
   */
  record StageRow(String name, String when, boolean manager, boolean managersManager, boolean appAdmins,
      String people, String groups, String quorum, String quorumCount) {
    static final StageRow EMPTY = new StageRow("", "", false, false, false, "", "", "any", "");

    boolean blank() {
      return (name + when + people + groups).isBlank() && !manager && !managersManager && !appAdmins;
    }
  }

  /** A time as an amount and a unit ({@code hours}, {@code days}; {@code minutes} for times the API wrote). */
  record Timing(String amount, String unit) {
    static final Timing NEVER = new Timing("", "days");

    static Timing of(@Nullable Duration d) {
      if (d == null) {
        return NEVER;
      }
      long minutes = Math.max(1, d.toMinutes());
      return minutes % (24 * 60) == 0 ? new Timing(Long.toString(minutes / (24 * 60)), "days")
          : minutes % 60 == 0 ? new Timing(Long.toString(minutes / 60), "hours")
          : new Timing(Long.toString(minutes), "minutes");
    }

    /** The ISO-8601 form, e.g. PT12H or P3D; null when blank or not a whole number. */
    @Nullable String iso() {
      Integer n = AppForm.number(amount);
      if (n == null) {
        return null;
      }
      return switch (unit) {
        case "minutes" -> "PT" + n + "M";
        case "hours" -> "PT" + n + "H";
        default -> "P" + n + "D";
      };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // From a request, from a policy

  /** The form as posted; read by hand (as {@link AppForm#from(MultiValueMap)}) so forged input becomes field errors. */
  static PolicyForm from(MultiValueMap<String, String> params) {
    Function<String, String> p = key -> {
      List<String> values = params.get(key);
      return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    };
    List<String[]> cells = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      Matcher m = ROW.matcher(e.getKey());
      int column = m.matches() ? COLUMNS.indexOf(m.group(2)) : -1;
      if (column < 0 || Integer.parseInt(m.group(1)) >= MAX_ROWS) {
        continue;
      }
      int row = Integer.parseInt(m.group(1));
      while (cells.size() <= row) {
        String[] empty = new String[COLUMNS.size()];
        Arrays.fill(empty, "");
        cells.add(empty);
      }
      cells.get(row)[column] = e.getValue().isEmpty() || e.getValue().get(0) == null ? "" : e.getValue().get(0);
    }
    List<StageRow> rows = cells.stream().map(c -> new StageRow(c[0], c[1], "true".equals(c[2]), "true".equals(c[3]),
        "true".equals(c[4]), c[5], c[6], c[7].isEmpty() ? "any" : c[7], c[8])).toList();
    return new PolicyForm(p.apply("name"), p.apply("description"), rows, p.apply("fallback"),
        p.apply("fallbackPeople"), p.apply("fallbackGroups"),
        new Timing(p.apply("remindEvery"), p.apply("remindEveryUnit")),
        new Timing(p.apply("escalateAfter"), p.apply("escalateAfterUnit")),
        new Timing(p.apply("expireAfter"), p.apply("expireAfterUnit")), p.apply("version"),
        p.apply("changeDescription"), p.apply("previewPerson"), p.apply("previewApp"), p.apply("previewRole"));
  }

  /** An empty form: one stage by the manager, the catalog admins as fallback, daily reminders, expiry after 14 days. */
  static PolicyForm blank() {
    return new PolicyForm("", "", List.of(new StageRow("Manager", "", true, false, false, "", "", "any", "")),
        "admins", "", "", new Timing("1", "days"), Timing.NEVER, new Timing("14", "days"), "", "", "", "", "");
  }

  /** The form of a policy, read at {@code version} (empty for ready-made ones and copies). */
  static PolicyForm of(ApprovalPolicy policy, String version) {
    List<StageRow> rows = policy.stages().stream().map(PolicyForm::row).toList();
    List<ApproverSource> fallback = policy.fallback() == null ? List.of() : policy.fallback();
    return new PolicyForm(policy.name().value(), policy.description(), rows,
        policy.fallback() == null ? "admins" : fallback.isEmpty() ? "none" : "named", logins(fallback), groups(fallback),
        Timing.of(policy.remindEvery()), Timing.of(policy.escalateAfter()), Timing.of(policy.expireAfter()), version,
        "", "", "", "");
  }

  private static StageRow row(StageRule stage) {
    List<ApproverSource> a = stage.approvers();
    String quorum = stage.quorum().token();
    boolean count = !quorum.equals("any") && !quorum.equals("all");
    return new StageRow(stage.name(), stage.when(), a.stream().anyMatch(s -> s instanceof ApproverSource.Manager),
        a.stream().anyMatch(s -> s instanceof ApproverSource.ManagersManager),
        a.stream().anyMatch(s -> s instanceof ApproverSource.AppAdmins), logins(a), groups(a),
        count ? "n" : quorum, count ? quorum : "");
  }

  private static String logins(List<ApproverSource> sources) {
    return String.join(", ", sources.stream().filter(s -> s instanceof ApproverSource.Named)
        .map(s -> ((ApproverSource.Named) s).person().value()).toList());
  }

  private static String groups(List<ApproverSource> sources) {
    return String.join(", ", sources.stream().filter(s -> s instanceof ApproverSource.GroupMembers)
        .map(s -> ((ApproverSource.GroupMembers) s).group()).toList());
  }

  // ---------------------------------------------------------------------------------------------
  // To the policy's JSON form

  /** The policy in the JSON form {@link dev.sesame.catalog.PolicyCodec} reads; blank stage rows are left out. */
  ObjectNode toJson() {
    ObjectNode policy = JsonNodeFactory.instance.objectNode();
    policy.put("name", name);
    policy.put("description", description);
    ArrayNode stageList = policy.putArray("stages");
    for (int i : filledStages()) {
      StageRow row = stages.get(i);
      ObjectNode stage = stageList.addObject();
      if (!row.name().isBlank()) {
        stage.put("name", row.name());
      }
      stage.put("when", row.when());
      ArrayNode approvers = stage.putArray("approvers");
      sources(row).forEach(s -> approvers.add(s[1]));
      stage.put("quorum", row.quorum().equals("n") ? row.quorumCount().strip() : row.quorum());
    }
    switch (fallback) {
      case "none" -> policy.putArray("fallback");
      case "named" -> {
        ArrayNode list = policy.putArray("fallback");
        fallbackSources().forEach(s -> list.add(s[1]));
      }
      default -> { }
    }
    putTime(policy, "remindEvery", remindEvery);
    putTime(policy, "escalateAfter", escalateAfter);
    putTime(policy, "expireAfter", expireAfter);
    return policy;
  }

  private static void putTime(ObjectNode policy, String key, Timing timing) {
    String iso = timing.iso();
    if (iso != null) {
      policy.put(key, iso);
    }
  }

  /** The problems the form itself can see: a missing change description, a time that is not a number. */
  List<FieldError> problems(boolean saving) {
    List<FieldError> errors = new ArrayList<>();
    if (saving && changeDescription.isBlank()) {
      errors.add(new FieldError("changeDescription", "is required: say what changed and why"));
    }
    for (Map.Entry<String, Timing> t : Map.of("remindEvery", remindEvery, "escalateAfter", escalateAfter,
        "expireAfter", expireAfter).entrySet()) {
      if (!t.getValue().amount().isBlank() && t.getValue().iso() == null) {
        errors.add(new FieldError(t.getKey(), "'" + t.getValue().amount().strip() + "' is not a whole number of "
            + t.getValue().unit() + "; leave it empty for never"));
      }
    }
    if (fallback.equals("named") && fallbackSources().isEmpty()) {
      errors.add(new FieldError("fallback", "name at least one person or group, or choose another fallback"));
    }
    for (int i : filledStages()) {
      StageRow row = stages.get(i);
      if (row.quorum().equals("n") && AppForm.number(row.quorumCount()) == null) {
        errors.add(new FieldError("stages[" + i + "].quorumCount", "enter how many approvals the stage needs"));
      }
    }
    return errors;
  }

  /** The version read, when it is a number. */
  @Nullable Integer versionNumber() {
    return AppForm.number(version);
  }

  /** The form rows of the stages sent to the codec, in order: {@code stages[i]} is row {@code filledStages().get(i)}. */
  List<Integer> filledStages() {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      if (!stages.get(i).blank()) {
        rows.add(i);
      }
    }
    return rows;
  }

  /**
   * The approver tokens of a stage row in the order they are sent, each with the input it came
   * from: {@code {input, token}}, input being {@code approvers}, {@code people} or {@code groups}.
   */
  static List<String[]> sources(StageRow row) {
    List<String[]> out = new ArrayList<>();
    if (row.manager()) {
      out.add(new String[] {"approvers", "manager"});
    }
    if (row.managersManager()) {
      out.add(new String[] {"approvers", "managers-manager"});
    }
    if (row.appAdmins()) {
      out.add(new String[] {"approvers", "app-admins"});
    }
    AppForm.commaList(row.people()).forEach(p -> out.add(new String[] {"people", "person:" + p}));
    AppForm.commaList(row.groups()).forEach(g -> out.add(new String[] {"groups", "group:" + g}));
    return out;
  }

  /** The fallback tokens in the order they are sent, each with its input ({@code fallbackPeople} or {@code fallbackGroups}). */
  List<String[]> fallbackSources() {
    List<String[]> out = new ArrayList<>();
    AppForm.commaList(fallbackPeople).forEach(p -> out.add(new String[] {"fallbackPeople", "person:" + p}));
    AppForm.commaList(fallbackGroups).forEach(g -> out.add(new String[] {"fallbackGroups", "group:" + g}));
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Copies

  PolicyForm withName(String newName) {
    return new PolicyForm(newName, description, stages, fallback, fallbackPeople, fallbackGroups, remindEvery,
        escalateAfter, expireAfter, version, changeDescription, previewPerson, previewApp, previewRole);
  }

  PolicyForm withVersion(String newVersion) {
    return new PolicyForm(name, description, stages, fallback, fallbackPeople, fallbackGroups, remindEvery,
        escalateAfter, expireAfter, newVersion, changeDescription, previewPerson, previewApp, previewRole);
  }

  PolicyForm withStages(List<StageRow> newStages) {
    return new PolicyForm(name, description, newStages, fallback, fallbackPeople, fallbackGroups, remindEvery,
        escalateAfter, expireAfter, version, changeDescription, previewPerson, previewApp, previewRole);
  }

  PolicyForm withPreview(String person, String app, String role) {
    return new PolicyForm(name, description, stages, fallback, fallbackPeople, fallbackGroups, remindEvery,
        escalateAfter, expireAfter, version, changeDescription, person, app, role);
  }
}
