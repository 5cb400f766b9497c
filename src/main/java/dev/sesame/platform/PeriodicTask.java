package dev.sesame.platform;

import java.time.Duration;

/**
 * Work that runs again and again at a fixed delay, on one node of the cluster at a time (e.g. the
 * sweep that reminds approvers and expires requests). A failed run is logged and the next one
 * comes at the usual time.
 */
public interface PeriodicTask {

  /** The stable name of the work, e.g. {@code approval-sweep}. */
  String name();

  /** The delay between the end of one run and the start of the next. */
  Duration every();

  /** Does one round of the work. */
  void run();
}
