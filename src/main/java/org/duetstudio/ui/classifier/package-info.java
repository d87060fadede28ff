/**
 * The classifier side: its run's view model and its pane (on the shared side-pane frame) with curves,
 * prediction grid, confusion matrix and per-class accuracy.
 */
package org.duetstudio.ui.classifier;
