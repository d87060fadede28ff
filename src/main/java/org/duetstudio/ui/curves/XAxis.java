package org.duetstudio.ui.curves;

/** The clock both panes' curves are drawn against, so the two kinds of learning can be compared. */
public enum XAxis {
  EPOCHS("Epochs"),
  IMAGES("Images seen"),
  SECONDS("Seconds");

  private final String label;

  XAxis(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
