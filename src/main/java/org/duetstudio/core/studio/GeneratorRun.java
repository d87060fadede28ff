package org.duetstudio.core.studio;

import java.util.List;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.training.TrainingEvent;

/** The generator's finished run. */
public record GeneratorRun(GeneratorSpec spec, List<TrainingEvent> events, ImageGenerator model)
    implements FinishedRun {
  public GeneratorRun {
    events = FinishedRun.lean(events);
  }

  @Override
  public Role role() {
    return Role.GENERATOR;
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
