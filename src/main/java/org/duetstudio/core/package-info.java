/** The studio's engine without a window: data, specs, models, training, evaluation, storage. Nothing below here imports JavaFX (ArchitectureTest enforces it). */
package org.duetstudio.core;
