/**
 * The window's frame — menu bar ({@code StudioMenu}, with the accelerators), tool bar, start screen, split
 * pane or presenter view ({@link org.duetstudio.ui.shell.PresenterView}), status bar — and its view models:
 * the studio (both sides, the judge, "both" commands, the current {@code RunPair}), sessions and the report
 * ({@link org.duetstudio.ui.shell.SessionsViewModel}), recent items, and the autosave with its offer to
 * restore after a crash ({@link org.duetstudio.ui.shell.AutosaveViewModel}). The window's view state —
 * zoom, theme ({@link org.duetstudio.ui.shell.Theme}), presenter view — is a {@link
 * org.duetstudio.ui.shell.WindowState}, and what it remembers between starts (size, position, dividers,
 * theme, zoom) a {@link org.duetstudio.ui.shell.WindowSettings} in {@code window.json} in the studio's home.
 */
package org.duetstudio.ui.shell;
