package dev.sesame.provisioning;

/** Why a system refused for good: retrying the same call will not help, a person must act. */
public enum Refusal {
  /** The system has no account for the person. */
  PERSON_NOT_FOUND,
  /** The system has no group with the external ID. */
  GROUP_NOT_FOUND,
  /** The system's credentials lack the permission (401/403, insufficient access rights). */
  ACCESS_DENIED,
  /** The system's settings are wrong (bad URL, unknown tenant, malformed ID). */
  INVALID_CONFIGURATION,
  /** Any other refusal (schema violation, last member of a group that needs one). */
  REFUSED
}
