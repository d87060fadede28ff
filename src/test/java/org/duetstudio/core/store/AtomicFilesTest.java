package org.duetstudio.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An atomically written file is like a normally written one: same bytes, same permissions. */
class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void anAtomicallyWrittenFileHasThePermissionsOfANormallyWrittenOne() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path normal = tmp.resolve("normal.txt");
    Files.writeString(normal, "hello", StandardCharsets.UTF_8);
    Path atomic = tmp.resolve("atomic.txt");
    AtomicFiles.writeString(atomic, "hello");
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(normal);
    assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(expected);
    // a temporary file would be owner-only: others who may read a normal file may read this one
    assertThat(expected).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    // written again over itself (the rename replaces it): still the same
    AtomicFiles.writeString(atomic, "hello again");
    assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(expected);
    assertThat(Files.readString(atomic)).isEqualTo("hello again");
    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("atomic.txt", "normal.txt");
    }
  }
}
