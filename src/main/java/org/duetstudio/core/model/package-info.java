/**
 * The model interfaces (ImageClassifier, ImageGenerator, ConditionalGenerator, Autoencoder, Trainer,
 * Persistent with its state and checkpoints), batch order, and the factory from specs to models.
 */
package org.duetstudio.core.model;
