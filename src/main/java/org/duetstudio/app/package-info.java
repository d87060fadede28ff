/**
 * Start-up and wiring: Launcher (plain main: the command line, or the window through its {@code studio}
 * command; in the installed app it restarts itself once with OMP_WAIT_POLICY=PASSIVE), DuetApp (the
 * JavaFX application, which makes the background executor), AppContext (the engine, the view models, the
 * autosave; closes the executor), StudioOptions (the {@code studio} command's options on picocli), and the
 * window's feedback: LogFile ({@code logs/studio.log} in the studio's home), UncaughtErrors (one dialog
 * for an exception nobody caught) and Notices (ControlsFX notifications for a run that ends while the
 * window is in the background, and for a saved file). RenderWarmUp gets the JIT to compile, before the
 * window's first paint, the off-heap memory access that JavaFX's software rasteriser (Marlin, in
 * {@code java.lang.foreign} memory segments in JavaFX 26) runs its first frames through.
 */
package org.duetstudio.app;
