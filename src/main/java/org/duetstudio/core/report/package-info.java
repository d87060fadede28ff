/**
 * Reports built from core results, the same page whichever front end asks: today
 * {@link org.duetstudio.core.report.ExperimentReport}, an experiment's HTML report and CSV table (the HTML
 * through {@link org.duetstudio.core.store.HtmlReport}, which still lives in {@code core.store}).
 */
package org.duetstudio.core.report;
