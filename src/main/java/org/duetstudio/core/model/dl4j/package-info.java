/** Models built on DL4J SameDiff graphs (CNN, VAE), the training step they share, the native runtime and the bare-loop baselines of the benchmark. The only package that touches ND4J (ArchitectureTest enforces it). */
package org.duetstudio.core.model.dl4j;
