/** Models built on Smile: logistic regression trained online, Gaussian naive Bayes, random forest. */
package org.duetstudio.core.model.smile;
