/** Curves that grow while models train, drawn against a shared clock (epochs, images, seconds) and decimated. */
package org.duetstudio.ui.curves;
