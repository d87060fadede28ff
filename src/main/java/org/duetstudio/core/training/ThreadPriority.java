package org.duetstudio.core.training;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the operating-system priority of the calling thread (Linux "nice"), so that training yields the
 * processor to the window whenever the window has work. Java thread priorities do nothing on Linux; a
 * thread may always lower its own priority without privileges. Threads the training thread starts later
 * (ND4J's OpenMP workers) inherit it. Elsewhere, or if the call fails, nothing happens.
 */
final class ThreadPriority {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadPriority.class);
  private static final int PRIO_PROCESS = 0;
  private static final Optional<MethodHandle[]> CALLS = lookup();

  private ThreadPriority() {}

  @SuppressWarnings("restricted") // two plain libc calls with int arguments; the run command allows it
  private static Optional<MethodHandle[]> lookup() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return Optional.empty();
    }
    try {
      Linker linker = Linker.nativeLinker();
      SymbolLookup libc = linker.defaultLookup();
      MethodHandle gettid =
          linker.downcallHandle(
              libc.find("gettid").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
      MethodHandle setpriority =
          linker.downcallHandle(
              libc.find("setpriority").orElseThrow(),
              FunctionDescriptor.of(
                  ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
      return Optional.of(new MethodHandle[] {gettid, setpriority});
    } catch (RuntimeException | Error e) {
      LOG.debug("cannot lower training threads' priority", e);
      return Optional.empty();
    }
  }

  /** Sets the calling thread's nice value (0 normal, 19 lowest); true when it took effect. */
  static boolean lowerCurrentThread(int nice) {
    if (CALLS.isEmpty()) {
      return false;
    }
    try {
      int tid = (int) CALLS.get()[0].invokeExact();
      int rc = (int) CALLS.get()[1].invokeExact(PRIO_PROCESS, tid, nice);
      return rc == 0;
    } catch (Throwable t) {
      LOG.debug("setpriority failed", t);
      return false;
    }
  }
}
