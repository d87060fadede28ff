/**
 * The model interfaces (ImageClassifier, ImageGenerator, ConditionalGenerator, Autoencoder, Trainer,
 * Persistent with its state and checkpoints; ModelState reads a file's counts and lengths checked for
 * range and memory, never allocating for numbers that are not there), batch order, and the factory from
 * specs to models.
 */
package org.duetstudio.core.model;
