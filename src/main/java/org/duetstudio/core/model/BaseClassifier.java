package org.duetstudio.core.model;

import java.util.List;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageShape;

/** What every classifier holds: its spec, the image shape it reads, and the class names. */
public abstract class BaseClassifier implements ImageClassifier {
  protected final ClassifierSpec spec;
  protected final ImageShape shape;
  protected final List<String> classNames;

  protected BaseClassifier(ClassifierSpec spec, ImageShape shape, List<String> classNames) {
    this.spec = spec;
    this.shape = shape;
    this.classNames = List.copyOf(classNames);
  }

  @Override
  public ImageShape shape() {
    return shape;
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }
}
