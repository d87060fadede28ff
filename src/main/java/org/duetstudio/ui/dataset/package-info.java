/** The data bar: which data set, its classes and examples, opening another one. */
package org.duetstudio.ui.dataset;
