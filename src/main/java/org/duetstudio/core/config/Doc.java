package org.duetstudio.core.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a spec field for people: the property sheet, the command line help and reports read it.
 * {@code min}/{@code max} are the valid range the record's constructor enforces.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Doc {
  /** One sentence: what the field does. */
  String value();

  /** Short label for a property sheet. */
  String label() default "";

  double min() default Double.NEGATIVE_INFINITY;

  double max() default Double.POSITIVE_INFINITY;
}
