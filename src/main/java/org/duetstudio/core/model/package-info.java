/** The model interfaces (ImageClassifier, ImageGenerator, Trainer), batch order, and the factory from specs to models. */
package org.duetstudio.core.model;
