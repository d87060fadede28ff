/**
 * Start-up and wiring: Launcher (plain main: the command line, or the window through its {@code studio}
 * command; in the installed app it restarts itself once with OMP_WAIT_POLICY=PASSIVE), DuetApp (the
 * JavaFX application, which makes the background executor), AppContext (the engine, the view models;
 * closes the executor), StudioOptions (the {@code studio} command's options on picocli).
 */
package org.duetstudio.app;
