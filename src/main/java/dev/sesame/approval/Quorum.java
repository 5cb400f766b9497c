package dev.sesame.approval;

import java.util.Locale;

/**
 * How many of a stage's approvers must approve: any one, all of them, or at least N. One denial
 * ends the request whatever the quorum.
 *
 * @param atLeast the N of "N of M"; 1 for any; 0 stands for all
 */
public record Quorum(int atLeast) {

  /** Any one approver decides the stage. */
  public static final Quorum ANY = new Quorum(1);
  /** Every approver of the stage must approve. */
  public static final Quorum ALL = new Quorum(0);

  private static final int MAX = 20;

  public Quorum {
    if (atLeast < 0 || atLeast > MAX) {
      throw new IllegalArgumentException("a quorum is any, all or a number from 1 to " + MAX);
    }
  }

  /** Reads {@code any}, {@code all} or a number; the exception's message says what is wrong. */
  public static Quorum parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("any")) {
      return ANY;
    }
    if (t.equals("all")) {
      return ALL;
    }
    try {
      int n = Integer.parseInt(t);
      if (n < 1) {
        throw new IllegalArgumentException("a quorum is any, all or a number from 1 to " + MAX);
      }
      return new Quorum(n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text.strip() + "' is not a quorum: use any, all or a number");
    }
  }

  /** How many approvals a stage with this many approvers needs. */
  public int required(int approvers) {
    return atLeast == 0 ? approvers : atLeast;
  }

  /** The token this quorum is written as: any, all or the number. */
  public String token() {
    return atLeast == 0 ? "all" : atLeast == 1 ? "any" : Integer.toString(atLeast);
  }

  /** How the quorum reads to people, e.g. "2 of". */
  public String label() {
    return atLeast == 0 ? "all of" : atLeast == 1 ? "any one of" : atLeast + " of";
  }
}
