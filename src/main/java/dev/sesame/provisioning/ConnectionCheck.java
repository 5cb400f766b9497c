package dev.sesame.provisioning;

/** The outcome of testing a connection: reachable and usable or not, and what to fix. */
public record ConnectionCheck(boolean ok, String message) {}
