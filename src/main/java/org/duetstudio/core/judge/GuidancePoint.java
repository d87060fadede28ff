package org.duetstudio.core.judge;

/**
 * A diffusion model's images at one guidance, through the classifier's eyes.
 *
 * @param fidelity the share the classifier labels as the class asked for
 * @param variety how varied the images of one class are, as a share of how varied real images of that
 *     class are (averaged over the classes; 1 = as varied as real, near 0 = all alike)
 */
public record GuidancePoint(double guidance, double fidelity, double variety) {}
