package dev.retort.runtime.internal.database;

import static com.google.common.truth.Truth.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pauses after H2's hand-off refusals grow, stay random, and stop growing at 16 seconds. */
class BackoffTest {

  @Test
  void eachPause_liesBetweenHalfTheCeilingAndTheCeiling_whichDoublesUpToSixteenSeconds() {
    Random random = new Random(11);
    Backoff backoff = Backoff.afterMomentaryFailure();
    long ceiling = 50;
    for (int refusal = 1; refusal <= 20; refusal++) {
      long pause = backoff.pauseMillis(random);
      assertThat(pause).isAtLeast(ceiling / 2);
      assertThat(pause).isAtMost(ceiling);
      backoff = backoff.next();
      ceiling = Math.min(ceiling * 2, 16_000);
    }
    assertThat(backoff.ceilingMillis()).isEqualTo(16_000);
  }

  @Test
  void processesRefusedTogether_comeBackAtDifferentMoments() {
    Backoff late = Backoff.afterMomentaryFailure().next().next().next().next().next().next();
    Random random = new Random(11);
    long first = late.pauseMillis(random);
    long second = late.pauseMillis(random);
    assertThat(first).isNotEqualTo(second);
  }
}
