/** Start-up and wiring: Launcher (plain main), DuetApp (the JavaFX application), AppContext, studio options. */
package org.duetstudio.app;
