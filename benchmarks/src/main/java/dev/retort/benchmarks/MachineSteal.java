package dev.retort.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How much CPU time the hypervisor gave to other guests while this machine asked for it: Linux's
 * steal time, from the {@code cpu} line of {@code /proc/stat}. On a shared virtual machine it is
 * what makes one run's figures slower than another's, so every figure is written down with it.
 */
final class MachineSteal {

  /** The machine's CPU time counters at one moment, in clock ticks, all cores together. */
  record Counters(long busy, long steal) {

    /**
     * The share of the CPU time asked for between {@code this} and {@code later} that was stolen:
     * steal ÷ (busy + steal), where busy is user, nice, system, irq and softirq time.
     */
    double stolenShareUntil(Counters later) {
      long steal = later.steal - this.steal;
      long asked = later.busy - this.busy + steal;
      return asked <= 0 || steal <= 0 ? 0 : Math.min(1, (double) steal / asked);
    }
  }

  /** What a table says where the counters could not be read. */
  static final String NOT_KNOWN = "steal not known";

  private MachineSteal() {}

  /** The counters now, or empty where {@code /proc/stat} cannot be read (not Linux). */
  static Optional<Counters> now() {
    Path stat = Path.of("/proc/stat");
    try {
      return Files.isReadable(stat) ? parse(Files.readAllLines(stat).get(0)) : Optional.empty();
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * The first line of {@code /proc/stat}: {@code cpu user nice system idle iowait irq softirq
   * steal ...}; empty when it is not such a line or has no steal field (kernels before 2.6.11).
   */
  static Optional<Counters> parse(String cpuLine) {
    String[] fields = cpuLine.trim().split("\\s+");
    if (!fields[0].equals("cpu") || fields.length < 9) {
      return Optional.empty();
    }
    try {
      long busy = Long.parseLong(fields[1]) + Long.parseLong(fields[2])
          + Long.parseLong(fields[3]) + Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
      return Optional.of(new Counters(busy, Long.parseLong(fields[8])));
    } catch (NumberFormatException notCounters) {
      return Optional.empty();
    }
  }

  /**
   * "12.3 % of the CPU time asked for was stolen" between two readings, or {@link #NOT_KNOWN}
   * where either is missing.
   */
  static String describe(Optional<Counters> before, Optional<Counters> after) {
    return before.isPresent() && after.isPresent()
        ? String.format(Locale.ROOT, "%.1f %% of the CPU time asked for was stolen",
            100 * before.get().stolenShareUntil(after.get()))
        : NOT_KNOWN;
  }
}
