package org.duetstudio.core.model.dl4j;

import org.duetstudio.core.data.ImageShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The two halves of a GAN for {@link SameDiffGan}: a generator body (input row → image logits, flat and
 * channel-major like the data set's rows) and a discriminator body (image row → features; the GAN adds
 * the read-out). Generator variables are named {@value #G_PREFIX}…, discriminator variables d_….
 */
sealed interface GanNets {
  String G_PREFIX = "g_";

  /** Discriminator features and their width. */
  record Features(SDVariable features, long width) {}

  /** Image logits (before tanh), [n, length], from input rows of {@code inWidth}. */
  SDVariable generator(SameDiffGraph g, SDVariable input, int inWidth);

  /**
   * Features of images [n, length]; {@code create} makes the variables, otherwise the existing ones are
   * reused (the same discriminator applied twice).
   */
  Features discriminatorFeatures(SameDiffGraph g, SDVariable x, boolean create);

  private static SDVariable var(SameDiffGraph g, String name, boolean create, long fanIn, long fanOut, long... shape) {
    return create ? g.weight(name, fanIn, fanOut, shape) : g.sd().getVariable(name);
  }

  private static SDVariable bias(SameDiffGraph g, String name, boolean create, long size) {
    return create ? g.bias(name, size) : g.sd().getVariable(name);
  }

  /** Fully connected: G input → h/2 → h → image; D image → h → h/2, LeakyReLU throughout. */
  record Dense(ImageShape shape, int hidden) implements GanNets {
    @Override
    public SDVariable generator(SameDiffGraph g, SDVariable input, int inWidth) {
      SameDiff sd = g.sd();
      SDVariable h = sd.nn().leakyRelu(g.dense("g_1", input, inWidth, hidden / 2), SameDiffGan.LEAK);
      h = sd.nn().leakyRelu(g.dense("g_2", h, hidden / 2, hidden), SameDiffGan.LEAK);
      return g.dense("g_3", h, hidden, shape.length());
    }

    @Override
    public Features discriminatorFeatures(SameDiffGraph g, SDVariable x, boolean create) {
      SameDiff sd = g.sd();
      long[] dims = {shape.length(), hidden, hidden / 2};
      SDVariable h = x;
      for (int l = 0; l < 2; l++) {
        String name = "d_" + (l + 1);
        SDVariable w = var(g, name + "_W", create, dims[l], dims[l + 1], dims[l], dims[l + 1]);
        h = sd.nn().leakyRelu(SameDiffGraph.dense(h, w, bias(g, name + "_b", create, dims[l + 1])), SameDiffGan.LEAK);
      }
      return new Features(h, dims[2]);
    }
  }

  /**
   * DCGAN-style (Radford et al., 2016), for images whose sides divide by 4. G: input → dense → h × H/4 ×
   * W/4 → 4×4 transposed convolution, stride 2 → h/2 × H/2 × W/2 → again → h/4 × H × W → 3×3
   * convolution → channels × H × W. D mirrors it with strided 4×4 convolutions (no pooling). LeakyReLU
   * 0.2; pixel normalisation in G instead of batch normalisation, so an image never depends on the others
   * in its batch.
   */
  record Convolutional(ImageShape shape, int filters) implements GanNets {
    /**
     * 4×4, stride 2, padding 1: exactly twice the input's size and the same function as "same" padding
     * (tested), but explicit padding is what makes libnd4j hand the op to oneDNN's deconvolution, whose jit
     * kernels ran it and its gradient 6.5× faster here than libnd4j's own code for "same" mode.
     */
    static final DeConv2DConfig UP =
        DeConv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1).isSameMode(false).dataFormat("NCHW").build();
    private static final Conv2DConfig DOWN =
        Conv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).paddingMode(PaddingMode.SAME).dataFormat("NCHW").build();
    private static final Conv2DConfig SMOOTH =
        Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).paddingMode(PaddingMode.SAME).dataFormat("NCHW").build();

    public Convolutional {
      if (shape.height() % 4 != 0 || shape.width() % 4 != 0 || shape.height() < 8 || shape.width() < 8) {
        throw new IllegalArgumentException(
            "the DCGAN needs images whose width and height divide by 4 (at least 8), got "
                + shape
                + "; choose the fully connected GAN, or load the images at a size such as 28x28 or 32x32");
      }
      if (filters < 2) {
        throw new IllegalArgumentException("the DCGAN needs at least 2 filters");
      }
    }

    @Override
    public SDVariable generator(SameDiffGraph g, SDVariable input, int inWidth) {
      SameDiff sd = g.sd();
      int h4 = shape.height() / 4;
      int w4 = shape.width() / 4;
      int c = shape.channels();
      int f2 = Math.max(1, filters / 2);
      int f4 = Math.max(1, filters / 4);
      long seedWidth = (long) filters * h4 * w4;
      SDVariable x = g.dense("g_1", input, inWidth, seedWidth).reshape(-1, filters, h4, w4);
      x = pixelNorm(sd, leaky(sd, x, SameDiffGan.LEAK));
      // transposed-convolution weights are [kH, kW, out channels, in channels]
      SDVariable w2 = g.weight("g_2_W", 16L * filters, 16L * f2, 4, 4, f2, filters);
      x = pixelNorm(sd, leaky(sd, up(sd, x, w2, g.bias("g_2_b", f2)), SameDiffGan.LEAK));
      SDVariable w3 = g.weight("g_3_W", 16L * f2, 16L * f4, 4, 4, f4, f2);
      x = pixelNorm(sd, leaky(sd, up(sd, x, w3, g.bias("g_3_b", f4)), SameDiffGan.LEAK));
      // a last 3×3 convolution smooths the transposed convolutions' checkerboard
      SDVariable wOut = g.weight("g_4_W", 9L * f4, 9L * c, 3, 3, f4, c);
      x = sd.cnn().conv2d(x, wOut, g.bias("g_4_b", c), SMOOTH);
      return x.reshape(-1, shape.length());
    }

    /**
     * The 4×4 stride-2 transposed convolution ({@link #UP}) with its bias added by a bias-add op of its
     * own: oneDNN's deconvolution with the bias fused ran 3.5–4× slower here (3.8 ms against 0.9 for the
     * generator's last one on a batch of 64: a slow path for the bias), a third of the generator's forward
     * pass. The same function and gradients (tested).
     */
    static SDVariable up(SameDiff sd, SDVariable x, SDVariable w, SDVariable b) {
      return sd.nn().biasAdd(sd.cnn().deconv2d(x, w, UP), b, true);
    }

    /**
     * Leaky ReLU, max(x, αx), written as ((1 + α)·x + (1 − α)·|x|) / 2: the same function, built from ops
     * that libnd4j vectorises. Its own leakyrelu and lrelu_bp ran 10–15× slower per value than a
     * multiplication here and took a quarter of the DCGAN's step; on the small dense layers of the other
     * models the single op is as fast, so they keep it.
     */
    static SDVariable leaky(SameDiff sd, SDVariable x, double alpha) {
      return x.mul((1 + alpha) / 2).add(sd.math().abs(x).mul((1 - alpha) / 2));
    }

    /**
     * Each pixel's feature vector scaled to unit mean square (Karras et al., 2018): keeps the generator's
     * signals in range as batch normalisation would, without tying an image to the rest of its batch.
     */
    private static SDVariable pixelNorm(SameDiff sd, SDVariable x) {
      SDVariable ms = x.mul(x).mean(true, 1).add(1e-8);
      return x.div(sd.math().sqrt(ms));
    }

    @Override
    public Features discriminatorFeatures(SameDiffGraph g, SDVariable x, boolean create) {
      SameDiff sd = g.sd();
      int c = shape.channels();
      SDVariable img = x.reshape(-1, c, shape.height(), shape.width());
      // convolution weights are [kH, kW, in channels, out channels]
      SDVariable w1 = var(g, "d_1_W", create, 16L * c, 16L * filters / 2, 4, 4, c, filters / 2);
      SDVariable h = sd.cnn().conv2d(img, w1, bias(g, "d_1_b", create, filters / 2), DOWN);
      h = leaky(sd, h, SameDiffGan.LEAK);
      SDVariable w2 = var(g, "d_2_W", create, 16L * filters / 2, 16L * filters, 4, 4, filters / 2, filters);
      h = leaky(sd, sd.cnn().conv2d(h, w2, bias(g, "d_2_b", create, filters), DOWN), SameDiffGan.LEAK);
      long width = (long) filters * (shape.height() / 4) * (shape.width() / 4);
      return new Features(h.reshape(-1, width), width);
    }
  }
}
