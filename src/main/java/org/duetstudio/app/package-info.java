/**
 * Start-up and wiring: Launcher (plain main), DuetApp (the JavaFX application, which makes the background
 * executor), AppContext (the engine, the view models; closes the executor), studio options.
 */
package org.duetstudio.app;
