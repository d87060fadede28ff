/** The generator pane: curves, sample grid, reconstructions, latent map and manifold. */
package org.duetstudio.ui.generator;
