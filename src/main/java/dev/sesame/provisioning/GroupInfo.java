package dev.sesame.provisioning;

/** A group as its system shows it, for the console's "Check" button. */
public record GroupInfo(GroupExternalId id, String displayName) {}
