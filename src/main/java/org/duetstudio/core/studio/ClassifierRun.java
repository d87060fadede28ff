package org.duetstudio.core.studio;

import java.util.List;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.training.TrainingEvent;

/** The classifier's finished run. */
public record ClassifierRun(ClassifierSpec spec, List<TrainingEvent> events, ImageClassifier model)
    implements FinishedRun {
  public ClassifierRun {
    events = FinishedRun.lean(events);
  }

  @Override
  public Role role() {
    return Role.CLASSIFIER;
  }

  @Override
  public String kindId() {
    return spec.kind().id();
  }

  @Override
  public long seed() {
    return spec.seed();
  }

  @Override
  public Persistent persistent() {
    return (Persistent) model;
  }
}
