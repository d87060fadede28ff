package org.duetstudio.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.judge.JudgeFindings;

/**
 * The judge's findings as the JSON files of a run folder ({@code judge.json}, {@code
 * label-fidelity.json}, {@code cas.json}, {@code decision-map.json}, {@code interpolation.json}, {@code
 * clusters.json}): file name → value, only for the parts found.
 */
public final class FindingsJson {
  private FindingsJson() {}

  public static Map<String, Object> of(JudgeFindings f) {
    Map<String, Object> files = new LinkedHashMap<>();
    if (f.judgement() != null) {
      files.put("judge.json", f.judgement());
    }
    if (f.fidelity() != null) {
      files.put("label-fidelity.json", fidelity(f.fidelity(), f.settings().fidelityPerClass()));
    }
    if (f.cas() != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("trainedOnGenerated", f.cas().synthetic());
      c.put("trainedOnReal", f.cas().real());
      c.put("ratio", f.cas().ratio());
      c.put("trainImages", f.cas().trainImages());
      c.put("testImages", f.cas().testImages());
      c.put("classifier", f.cas().spec());
      files.put("cas.json", c);
    }
    if (f.decisionMap() != null) {
      files.put("decision-map.json", labelled(f.decisionMap()));
    }
    if (f.interpolation() != null) {
      files.put("interpolation.json", labelled(f.interpolation()));
    }
    if (f.denoising() != null) {
      files.put("denoising.json", labelled(f.denoising()));
    }
    if (f.guidance() != null) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("imagesPerClass", f.settings().guidancePerClass());
      g.put("points", f.guidance());
      files.put("guidance.json", g);
    }
    if (f.pixelClusters() != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("pixels", clusters(f.pixelClusters()));
      if (f.codeClusters() != null) {
        c.put("latentCodes", clusters(f.codeClusters()));
      }
      files.put("clusters.json", c);
    }
    return files;
  }

  static Map<String, Object> fidelity(LabelFidelity f, int perClass) {
    Map<String, Object> perClassShare = new LinkedHashMap<>();
    for (int k = 0; k < f.classNames().size(); k++) {
      perClassShare.put(f.classNames().get(k), f.of(k));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("overall", f.overall());
    m.put("perClass", perClassShare);
    m.put("samplesPerClass", perClass);
    return m;
  }

  static Map<String, Object> labelled(LatentPaths.Labelled l) {
    int[] p = l.predicted();
    float[] conf = l.confidence();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("label", l.classNames().get(p[i]));
      r.put("confidence", conf[i]);
      rows.add(r);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("how", l.how());
    m.put("images", rows);
    return m;
  }

  static Map<String, Object> clusters(Clusters c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("space", c.space());
    m.put("adjustedRand", c.adjustedRand());
    m.put("purity", c.purity());
    m.put("counts", c.counts());
    m.put("majority", c.majority());
    return m;
  }
}
