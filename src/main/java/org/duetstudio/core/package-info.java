/**
 * The studio without a window: data, specs, models, training, evaluation, the judge, the application
 * layer both front ends call ({@code studio}), reports and storage. Nothing below here imports JavaFX
 * (ArchitectureTest enforces it).
 */
package org.duetstudio.core;
