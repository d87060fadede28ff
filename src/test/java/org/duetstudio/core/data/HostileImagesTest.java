package org.duetstudio.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image whose header announces more pixels than memory holds is skipped with a reason, not decoded. */
class HostileImagesTest {
  @TempDir Path dir;

  /** A PNG of {@code w x h} grey pixels with no pixel data: only its header is read. */
  private static byte[] pngHeader(int w, int h) throws Exception {
    var bytes = new ByteArrayOutputStream();
    var d = new DataOutputStream(bytes);
    d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    var ihdr = new ByteArrayOutputStream();
    var c = new DataOutputStream(ihdr);
    c.write("IHDR".getBytes(StandardCharsets.US_ASCII));
    c.writeInt(w);
    c.writeInt(h);
    c.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grey
    byte[] chunk = ihdr.toByteArray();
    d.writeInt(chunk.length - 4);
    d.write(chunk);
    CRC32 crc = new CRC32();
    crc.update(chunk);
    d.writeInt((int) crc.getValue());
    return bytes.toByteArray();
  }

  @Test
  void aPngAnnouncingHundredsOfGigapixelsIsSkippedUndecoded() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Files.write(a.resolve("bomb.png"), pngHeader(1_000_000, 1_000_000));
    Files.write(a.resolve("ok.png"), Files.readAllBytes(tinyPng()));
    LoadResult r = ImageFolderLoader.load(dir, LoadOptions.AUTOMATIC);
    assertThat(r.dataset().size()).isEqualTo(1);
    assertThat(r.skipped()).hasSize(1);
    assertThat(r.skipped().get(0).reason()).isEqualTo("is 1000000x1000000 pixels, too large to decode in the memory available");
  }

  private Path tinyPng() throws Exception {
    var img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
    Path p = dir.resolve("tiny.png");
    ImageIO.write(img, "png", p.toFile());
    return p;
  }
}
