package org.duetstudio.app;

import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.store.RecentItems;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.ui.classifier.ClassifierViewModel;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.FxEventRelay;
import org.duetstudio.ui.common.StallMeter;
import org.duetstudio.ui.compare.JudgeViewModel;
import org.duetstudio.ui.dataset.DatasetViewModel;
import org.duetstudio.ui.generator.GeneratorViewModel;
import org.duetstudio.ui.shell.StudioViewModel;

/**
 * Wires the studio once: one training engine, one data locator, the background executor, the view
 * models. Everything is passed through constructors from here; there are no global singletons.
 */
public final class AppContext implements AutoCloseable {
  private final TrainingEngine engine = new TrainingEngine();
  private final StallMeter stallMeter = new StallMeter();
  private final StudioViewModel studio;
  private final BackgroundTasks tasks;

  /** @param tasks the background executor; closed with this context */
  public AppContext(DatasetLocator locator, BackgroundTasks tasks) {
    this.tasks = tasks;
    DatasetViewModel dataset = new DatasetViewModel(locator, tasks);
    ClassifierViewModel classifier = new ClassifierViewModel(engine::start, FxEventRelay::new);
    BackgroundTasks modelWork = tasks.oneAtATime();
    GeneratorViewModel generator = new GeneratorViewModel(engine::start, FxEventRelay::new, modelWork);
    JudgeViewModel judge = new JudgeViewModel(classifier, generator, modelWork);
    this.studio = new StudioViewModel(dataset, classifier, generator, judge);
    studio.useTasks(tasks, modelWork);
    studio.useRecent(RecentItems.inHome());
  }

  public TrainingEngine engine() {
    return engine;
  }

  public StudioViewModel studio() {
    return studio;
  }

  public StallMeter stallMeter() {
    return stallMeter;
  }

  /** Stops training (waiting briefly for the runs to end), the background executor and the helper threads. */
  @Override
  public void close() {
    stallMeter.stop();
    tasks.close();
    engine.close();
  }
}
