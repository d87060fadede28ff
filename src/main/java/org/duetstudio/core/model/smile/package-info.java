/** Models built on Smile: logistic regression trained online. */
package org.duetstudio.core.model.smile;
