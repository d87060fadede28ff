package org.duetstudio.core.training;

import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Persistent;

/**
 * What a classifier's and a generator's job share: the spec, the data, the model the run builds, and
 * its checkpoints.
 *
 * @param <S> the spec
 * @param <M> the model
 */
public abstract sealed class ModelJob<S extends Record, M> implements TrainingJob
    permits ClassifierJob, GeneratorJob {
  private final S spec;
  private final TrainTestData data;
  private volatile M model;

  protected ModelJob(S spec, TrainTestData data) {
    this.spec = spec;
    this.data = data;
  }

  public S spec() {
    return spec;
  }

  public TrainTestData data() {
    return data;
  }

  /** The model; null until the run has built it. */
  public M model() {
    return model;
  }

  /** Takes the model the run built (or one trained before, for a restored job). */
  protected final M adopt(M built) {
    this.model = built;
    return built;
  }

  @Override
  public int trainImages() {
    return data.train().size();
  }

  @Override
  public ModelState checkpoint() {
    return persistent().checkpoint();
  }

  @Override
  public void resume(ModelState checkpoint) {
    persistent().resume(checkpoint);
  }

  private Persistent persistent() {
    if (!(model instanceof Persistent p)) {
      throw new IllegalStateException(modelName() + " cannot be saved");
    }
    return p;
  }
}
