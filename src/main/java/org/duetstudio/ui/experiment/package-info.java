/** The experiments window: one tab per experiment, with its settings, progress, table and chart. */
package org.duetstudio.ui.experiment;
