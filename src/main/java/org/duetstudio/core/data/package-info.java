/** Images and labels: the immutable ImageDataset, loaders for IDX, image folders and CSV (each failure one DatasetException naming the file), the train/test split, and the locator of the sample and full Fashion-MNIST. */
package org.duetstudio.core.data;
