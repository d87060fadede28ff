package org.duetstudio.core.data;

/**
 * The shape every image of a data set has: width and height in pixels and 1 (grey) or 3 (RGB) channels.
 * Pixels are stored channel-major (all of channel 0 row by row, then channel 1, ...), the NCHW layout the
 * convolutional models read.
 */
public record ImageShape(int width, int height, int channels) {
  public ImageShape {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
    }
  }

  /** Number of values in one image row vector: width * height * channels. */
  public int length() {
    return width * height * channels;
  }

  @Override
  public String toString() {
    return width + "x" + height + (channels == 1 ? " grey" : " RGB");
  }
}
