/**
 * Pieces every pane uses: background work ({@link org.duetstudio.ui.common.BackgroundTask}, {@link
 * org.duetstudio.ui.common.BackgroundTasks} with the window's {@link org.duetstudio.ui.common.FxTaskExecutor}
 * and the tests' {@link org.duetstudio.ui.common.SameThreadTasks}) and the UI thread progress is shown on
 * ({@link org.duetstudio.ui.common.UiThread}), the batched event relay, the run view model (with its
 * recording and progress), the side panes' shared frame ({@link org.duetstudio.ui.common.SidePane}, {@link
 * org.duetstudio.ui.common.SidePanes}), run controls (Train, Pause, Step while paused, Stop), spec property
 * sheets, images, exports, explanations (each "?" a tab stop; every topic listed for Help) and the stall
 * meter.
 */
package org.duetstudio.ui.common;
