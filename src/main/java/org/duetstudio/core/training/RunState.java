package org.duetstudio.core.training;

/** Where a run is in its life. */
public enum RunState {
  STARTING,
  RUNNING,
  PAUSED,
  COMPLETED,
  CANCELLED,
  FAILED;

  public boolean isTerminal() {
    return this == COMPLETED || this == CANCELLED || this == FAILED;
  }
}
