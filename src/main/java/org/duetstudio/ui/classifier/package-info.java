/**
 * The classifier side: its run's view model and its pane (on the shared side-pane frame) with curves,
 * prediction grid (right and wrong by a mark and by colour), confusion matrix (its cells reachable with
 * the keyboard) and per-class accuracy.
 */
package org.duetstudio.ui.classifier;
