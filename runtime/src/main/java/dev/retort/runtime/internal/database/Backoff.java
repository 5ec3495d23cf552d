package dev.retort.runtime.internal.database;

import java.util.random.RandomGenerator;

/**
 * The pauses between tries after a momentary refusal (H2 handing a file opened with
 * AUTO_SERVER=TRUE over between processes): each pause drawn at random between half a ceiling
 * and the ceiling, which doubles after every refusal up to a bound. H2 gives the file to the
 * process that rewrites its lock file first once the file has been quiet for a moment; processes
 * that come back at short or equal intervals keep rewriting it together and none gets it (the
 * attack harness once saw thirteen processes refused so for ten minutes). Growing, random pauses
 * leave the quiet moments in which one of them gets through.
 *
 * @param ceilingMillis the longest the next pause may be
 * @param boundMillis the longest the ceiling grows to
 */
record Backoff(long ceilingMillis, long boundMillis) {

  /** The back-off after a first momentary refusal: from 50 ms, doubling up to 16 s. */
  static Backoff afterMomentaryFailure() {
    return new Backoff(50, 16_000);
  }

  /** A pause, at random between half the ceiling and the ceiling. */
  long pauseMillis(RandomGenerator random) {
    return random.nextLong(ceilingMillis / 2, ceilingMillis + 1);
  }

  /** The back-off after one more refusal. */
  Backoff next() {
    return new Backoff(Math.min(ceilingMillis * 2, boundMillis), boundMillis);
  }
}
