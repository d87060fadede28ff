/**
 * Reports built from core results, the same page whichever front end asks: {@link
 * org.duetstudio.core.report.RunReport} (a pair's run: the window's Report… and {@code train}'s
 * report.html), its pictures ({@link org.duetstudio.core.report.RunFigures}) and the run folder's final
 * files ({@link org.duetstudio.core.report.RunFiles}, {@link org.duetstudio.core.report.FindingsJson});
 * {@link org.duetstudio.core.report.ExperimentReport}, an experiment's page and CSV table; and the
 * judge's findings in words ({@link org.duetstudio.core.report.Sentences}). Pages are built with {@link
 * org.duetstudio.core.store.HtmlReport}.
 */
package org.duetstudio.core.report;
