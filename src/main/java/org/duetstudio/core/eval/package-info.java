/** Measures of a classifier: predictions, confusion matrix, precision, recall, F1. */
package org.duetstudio.core.eval;
