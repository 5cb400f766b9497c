package dev.sesame.provisioning;

/**
 * A person's account in a provisioning system.
 *
 * @param id the system's immutable ID of the account
 * @param login the login the system shows (e.g. Okta's {@code profile.login}, a UPN, a DN's uid)
 */
public record Account(AccountId id, String login) {}
