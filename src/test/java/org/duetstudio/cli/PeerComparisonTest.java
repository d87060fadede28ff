package org.duetstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --against} reads what the peer programs print, and refuses a file that is not theirs. */
class PeerComparisonTest {
  @TempDir Path dir;

  @Test
  void readsEachPeerProgramsFigureFromItsOutput() throws IOException {
    Path f = dir.resolve("peer.txt");
    Files.writeString(
        f,
        """
        Engine PyTorch 2.7.1 djl 0.35.1
        torch intra-op threads=2 interop=1
        it 0 loss 2.3
        TIMED 600 iters: 14.012 s, 2740.5 img/s, 23.35 ms/iter
        transposed convs: sub-pixel, up=fused
        Engine PyTorch 2.7.1 djl 0.35.1  torch threads=2 interop=1 gradModeAtStart=true
        DCGAN: G 123 params, D 456 params, batch 64, latent 64, filters 64
        RESULT DCGAN median 93.10 ms/step  687 img/s (median)  671 img/s (mean over 100 steps, 9.54 s)  min 88 max 120 ms
        RESULT GAN median 33.00 ms/step  1939 img/s (median)  1900 img/s (mean over 100 steps, 3.37 s)  min 30 max 41 ms
        """);
    PeerComparison.PeerFigures p = PeerComparison.read(f);
    assertEquals(2740.5, p.imagesPerSecond().get(PeerComparison.Peer.LENET), 1e-9);
    assertEquals(687, p.imagesPerSecond().get(PeerComparison.Peer.DCGAN), 1e-9);
    assertEquals(1939, p.imagesPerSecond().get(PeerComparison.Peer.GAN), 1e-9);
    assertEquals("PyTorch 2.7.1 through DJL 0.35.1", p.engine());
  }

  @Test
  void aFileWithoutPeerResultsIsRefusedWithOneSentence() throws IOException {
    Path f = dir.resolve("notes.txt");
    Files.writeString(f, "CNN 2000 img/s\nsome other program's output\n");
    UsageException e = assertThrows(UsageException.class, () -> PeerComparison.read(f));
    assertTrue(e.getMessage().contains("holds no peer-bench results"), e.getMessage());
    UsageException missing =
        assertThrows(UsageException.class, () -> PeerComparison.read(dir.resolve("absent.txt")));
    assertTrue(missing.getMessage().startsWith("cannot read the peer figures"), missing.getMessage());
  }
}
