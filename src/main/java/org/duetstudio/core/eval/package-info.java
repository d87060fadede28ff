/**
 * The measures, each a function of trained models and data: predictions, confusion matrix, precision,
 * recall, F1; and of a generator through a classifier — the verdict on samples, the Fréchet distance in
 * the classifier's features (with its eigen-decomposition), nearest neighbours (memorisation), label
 * fidelity, the classification accuracy score, k-means clusters, sample diversity and GAN health, latent
 * decision maps and interpolations. {@code core.judge} decides which numbers they are called with.
 */
package org.duetstudio.core.eval;
