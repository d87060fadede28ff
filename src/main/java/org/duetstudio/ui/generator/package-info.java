/**
 * The generator side: its run's view model (curves of the loss parts its kind declares, sample grid,
 * reconstructions, latent map, GAN health), the work on its trained model ({@link
 * org.duetstudio.ui.generator.TrainedGeneratorViewModel}: drawing to order, k-means through the judge) and
 * its pane with the latent map and clusters views.
 */
package org.duetstudio.ui.generator;
