package dev.retort.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** The memory this JVM has used at its peak, measured the same way by every benchmark. */
final class ProcessMemory {

  private ProcessMemory() {}

  /** Linux's VmHWM: the most resident memory this process has had; -1 where it is not known. */
  static long peakResidentKilobytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /**
   * The heap's peak use: the sum of each heap pool's peak (eden, survivor, old), an upper bound
   * of the used heap at any one moment, measured the same way for every tool.
   */
  static long peakHeapKilobytes() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / 1024;
  }

  /** Starts the heap's peaks again from its use now, for {@link #peakHeapKilobytes} of a phase. */
  static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }
}
