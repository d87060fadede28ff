/**
 * Models built on Smile: logistic regression trained online, Gaussian naive Bayes, random forest (its
 * trees copied into plain numbers, {@code ForestTrees}, which it predicts with and saves — no Java
 * serialisation).
 */
package org.duetstudio.core.model.smile;
