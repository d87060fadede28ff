package org.duetstudio.core.judge;

import java.util.List;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.LatentPaths;

/**
 * What the judge found about one trained generator through one trained classifier, with the settings it
 * used. Parts the models cannot give (label fidelity of an unconditional generator, a map of a 1-D latent
 * space, CAS not asked for) are null. The window fills it part by part; {@code train} all at once.
 *
 * @param judgement the verdict on {@code samples} new images, the Fréchet distance, the memorisation check
 * @param memorisationPairs the first samples, each followed by its nearest training image
 * @param fidelity label fidelity (conditional generators)
 * @param cas the classification accuracy score (conditional generators, when measured)
 * @param decisionMap the latent plane decoded and labelled
 * @param interpolation the path from one class to another
 * @param pixelClusters k-means on the test images' pixels
 * @param codeClusters k-means on a VAE's latent codes of the same images
 * @param guidance a conditional diffusion model's label fidelity and variety against its guidance
 * @param denoising a diffusion model's walk from noise to picture, labelled by the classifier
 */
public record JudgeFindings(
    JudgeSettings settings,
    Judgement judgement,
    List<float[]> memorisationPairs,
    LabelFidelity fidelity,
    ClassificationAccuracyScore cas,
    LatentPaths.Labelled decisionMap,
    LatentPaths.Labelled interpolation,
    Clusters pixelClusters,
    Clusters codeClusters,
    List<GuidancePoint> guidance,
    LatentPaths.Labelled denoising) {

  public JudgeFindings {
    memorisationPairs = memorisationPairs == null ? List.of() : List.copyOf(memorisationPairs);
    guidance = guidance == null ? null : List.copyOf(guidance);
  }

  /** Nothing found yet, with these settings. */
  public static JudgeFindings none(JudgeSettings settings) {
    return new JudgeFindings(settings, null, List.of(), null, null, null, null, null, null, null, null);
  }

  /** The same findings under other settings (a map of another class, a path between other classes). */
  public JudgeFindings withSettings(JudgeSettings s) {
    return new JudgeFindings(
        s, judgement, memorisationPairs, fidelity, cas, decisionMap, interpolation, pixelClusters,
        codeClusters, guidance, denoising);
  }

  public JudgeFindings withJudgement(Judgement j, List<float[]> pairs) {
    return new JudgeFindings(
        settings, j, pairs, fidelity, cas, decisionMap, interpolation, pixelClusters, codeClusters, guidance, denoising);
  }

  public JudgeFindings withFidelity(LabelFidelity f) {
    return new JudgeFindings(
        settings, judgement, memorisationPairs, f, cas, decisionMap, interpolation, pixelClusters,
        codeClusters, guidance, denoising);
  }

  public JudgeFindings withCas(ClassificationAccuracyScore c) {
    return new JudgeFindings(
        settings, judgement, memorisationPairs, fidelity, c, decisionMap, interpolation, pixelClusters,
        codeClusters, guidance, denoising);
  }

  public JudgeFindings withDecisionMap(LatentPaths.Labelled m) {
    return new JudgeFindings(
        settings, judgement, memorisationPairs, fidelity, cas, m, interpolation, pixelClusters,
        codeClusters, guidance, denoising);
  }

  public JudgeFindings withInterpolation(LatentPaths.Labelled p) {
    return new JudgeFindings(
        settings, judgement, memorisationPairs, fidelity, cas, decisionMap, p, pixelClusters,
        codeClusters, guidance, denoising);
  }

  public JudgeFindings withGuidance(List<GuidancePoint> g) {
    return new JudgeFindings(
        settings, judgement, memorisationPairs, fidelity, cas, decisionMap, interpolation, pixelClusters,
        codeClusters, g, denoising);
  }

  public JudgeFindings withDenoising(LatentPaths.Labelled d) {
    return new JudgeFindings(
        settings, judgement, memorisationPairs, fidelity, cas, decisionMap, interpolation, pixelClusters,
        codeClusters, guidance, d);
  }

  public JudgeFindings withClusters(Clusters pixels, Clusters codes) {
    return new JudgeFindings(
        settings, judgement, memorisationPairs, fidelity, cas, decisionMap, interpolation, pixels, codes, guidance, denoising);
  }
}
