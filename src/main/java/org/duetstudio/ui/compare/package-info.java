/** Between the two sides: the trained classifier judging the generator's samples. */
package org.duetstudio.ui.compare;
