/** The classifier pane: curves, prediction grid, confusion matrix, per-class accuracy. */
package org.duetstudio.ui.classifier;
