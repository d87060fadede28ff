/**
 * The window's frame — tool bar, start screen, split pane, status bar — and its view models: the studio
 * (both sides, the judge, "both" commands, the current {@code RunPair}), sessions and the report
 * ({@link org.duetstudio.ui.shell.SessionsViewModel}), recent items, and the autosave with its offer to
 * restore after a crash ({@link org.duetstudio.ui.shell.AutosaveViewModel}).
 */
package org.duetstudio.ui.shell;
