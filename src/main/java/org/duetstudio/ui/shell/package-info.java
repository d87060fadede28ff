/** The window's frame: tool bar, split pane, status bar, and the studio view model that acts on both sides. */
package org.duetstudio.ui.shell;
