package dev.retort.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MachineStealTest {

  @Test
  void theStolenShare_isStealOverTheTimeAskedFor_idleAndIowaitLeftOut() {
    // user nice system idle iowait irq softirq steal guest guest_nice
    MachineSteal.Counters before =
        MachineSteal.parse("cpu  1000 10 200 5000 40 5 5 100 0 0").orElseThrow();
    MachineSteal.Counters after =
        MachineSteal.parse("cpu  1600 10 300 9000 90 10 10 400 0 0").orElseThrow();

    // busy grew by 600 + 0 + 100 + 5 + 5 = 710, steal by 300: 300 / 1,010 of what was asked.
    assertThat(before.stolenShareUntil(after)).isWithin(1e-9).of(300.0 / 1010);
    assertThat(MachineSteal.describe(Optional.of(before), Optional.of(after)))
        .isEqualTo("29.7 % of the CPU time asked for was stolen");
  }

  @Test
  void aLineWithoutSteal_orNoReading_saysStealIsNotKnown() {
    assertThat(MachineSteal.parse("cpu  1000 10 200 5000 40 5 5")).isEmpty();
    assertThat(MachineSteal.parse("intr 12 3 4 5 6 7 8 9 10")).isEmpty();
    assertThat(MachineSteal.parse("cpu  1000 10 200 5000 40 5 5 x")).isEmpty();
    assertThat(MachineSteal.describe(Optional.empty(), MachineSteal.now()))
        .isEqualTo(MachineSteal.NOT_KNOWN);
  }

  @Test
  void noTimeAskedFor_orCountersThatWentBack_isNoSteal() {
    MachineSteal.Counters same = new MachineSteal.Counters(10, 5);

    assertThat(same.stolenShareUntil(same)).isEqualTo(0.0);
    assertThat(same.stolenShareUntil(new MachineSteal.Counters(20, 1))).isEqualTo(0.0);
  }
}
