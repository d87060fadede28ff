package org.duetstudio.ui.shell;

import org.duetstudio.ui.common.BackgroundTasks;

/**
 * The window's view models, wired once by the app: the studio (both sides, the judge), sessions and
 * reports, recent items, the autosave, and the two executors background work runs on.
 *
 * @param tasks background work
 * @param modelWork the lane for work on trained models, one piece at a time
 */
public record ShellModels(
    StudioViewModel studio,
    SessionsViewModel sessions,
    RecentViewModel recent,
    AutosaveViewModel autosave,
    BackgroundTasks tasks,
    BackgroundTasks modelWork) {}
