package dev.sesame.approval;

/** Where a stage's approvers come from. */
public enum ApproverKind {
  /** The requester's manager in the directory. */
  MANAGER("manager"),
  /** The app admins named in the catalog. */
  APP_ADMIN("app admins"),
  /** The catalog admins, when nobody else is left to decide. */
  FALLBACK("catalog admins");

  private final String label;

  ApproverKind(String label) {
    this.label = label;
  }

  /** How the stage is named to people. */
  public String label() {
    return label;
  }
}
