/**
 * The data bar: which data set, its classes and examples, opening another one, and for a folder of image
 * files the size and colour it loads at ({@link org.duetstudio.ui.dataset.DatasetViewModel#reload});
 * files dropped on the window ({@link org.duetstudio.ui.dataset.DropTarget}: data through the same open
 * path, one image handed on to ask the classifier, anything else refused in one sentence).
 */
package org.duetstudio.ui.dataset;
