/**
 * The experiments window: one tab per experiment, with its settings, progress, table and chart; each
 * experiment runs as a background task whose progress and partial results come back through it.
 */
package org.duetstudio.ui.experiment;
