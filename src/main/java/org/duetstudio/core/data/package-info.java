/**
 * Images and labels: the immutable ImageDataset; loaders for IDX, image folders and CSV (the CSV streamed
 * through commons-csv, quotes and a byte-order mark handled, only the pixels kept; a file too large for
 * the memory refused before loading; each failure one DatasetException naming the file); LoadOptions (the
 * size and colour an image folder loads at: chosen, or the most common size capped at 64×64); ImageFiles
 * (one image file read scaled down while decoding, cropped and scaled to a shape: shared by the folder
 * loader and "ask the classifier"); the load report (skipped and resized files); the train/test split;
 * and the locator of the sample and full Fashion-MNIST.
 */
package org.duetstudio.core.data;
