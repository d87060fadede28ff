/**
 * Models built on DL4J SameDiff graphs (MLP, CNN, VAE, GAN, DCGAN and their conditional forms), the
 * training step and optimiser state they share (Adam runs in Java over the graphs' native arrays:
 * {@code HeapAdam}), their per-epoch training noise, the native runtime and
 * the bare-loop baselines of the benchmark. The only package that touches ND4J (ArchitectureTest enforces
 * it).
 */
package org.duetstudio.core.model.dl4j;
