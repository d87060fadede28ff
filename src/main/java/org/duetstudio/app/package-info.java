/**
 * Start-up and wiring: Launcher (plain main), DuetApp (the JavaFX application, which makes the background
 * executor), AppContext (the engine, the view models; closes the executor), studio options, and the
 * window's feedback: LogFile ({@code logs/studio.log} in the studio's home), UncaughtErrors (one dialog
 * for an exception nobody caught) and Notices (ControlsFX notifications for a run that ends while the
 * window is in the background, and for a saved file).
 */
package org.duetstudio.app;
