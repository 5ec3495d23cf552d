package dev.retort.maven;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.codehaus.plexus.component.configurator.ConfigurationListener;
import org.junit.jupiter.api.Test;

class MaskingListenerTest {

  /** Records what Maven's own listener would print. */
  private static final class Recorder implements ConfigurationListener {
    final List<String> printed = new ArrayList<>();

    @Override
    public void notifyFieldChangeUsingReflection(String fieldName, Object value, Object target) {
      printed.add("(f) " + fieldName + " = " + value);
    }

    @Override
    public void notifyFieldChangeUsingSetter(String fieldName, Object value, Object target) {
      printed.add("(s) " + fieldName + " = " + value);
    }
  }

  @Test
  void thePasswordOfEveryGoal_isPrintedMasked() {
    Recorder maven = new Recorder();
    MaskingListener listener = new MaskingListener(maven);

    listener.notifyFieldChangeUsingReflection("password", "hunter22", new UpgradeMojo());
    listener.notifyFieldChangeUsingSetter("password", "hunter22", new SqlMojo());

    assertThat(maven.printed).containsExactly("(f) password = " + Messages.MASK,
        "(s) password = " + Messages.MASK).inOrder();
  }

  @Test
  void otherParameters_arePrintedAsTheyAre() {
    Recorder maven = new Recorder();

    new MaskingListener(maven).notifyFieldChangeUsingReflection("url", "jdbc:h2:mem:x",
        new CheckMojo());

    assertThat(maven.printed).containsExactly("(f) url = jdbc:h2:mem:x");
  }

  @Test
  void anUnsetPassword_staysUnset_soRequiredParametersAreStillChecked() {
    Recorder maven = new Recorder();

    new MaskingListener(maven).notifyFieldChangeUsingReflection("password", null,
        new CheckMojo());

    assertThat(maven.printed).containsExactly("(f) password = null");
  }

  @Test
  void onlyTheMarkedField_isSensitive() {
    assertThat(MaskingListener.isSensitive(DowngradeMojo.class, "password")).isTrue();
    assertThat(MaskingListener.isSensitive(DowngradeMojo.class, "user")).isFalse();
    assertThat(MaskingListener.isSensitive(DowngradeMojo.class, "noSuchField")).isFalse();
  }
}
