package dev.retort.spring.boot.autoconfigure;

import static com.google.common.truth.Truth.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Where a password is masked: always where one is written, elsewhere only as a whole word. */
class PasswordMaskTest {

  @Test
  void aPasswordWrittenInAUrl_isMasked_howeverShort() {
    assertThat(PasswordMask.mask("jdbc:h2:tcp://db/shop;USER=sa;PASSWORD=x;MODE=PostgreSQL", "x"))
        .isEqualTo("jdbc:h2:tcp://db/shop;USER=sa;PASSWORD=****;MODE=PostgreSQL");
    assertThat(PasswordMask.mask("jdbc:postgresql://db/shop?user=a&password=pw&ssl=true", null))
        .isEqualTo("jdbc:postgresql://db/shop?user=a&password=****&ssl=true");
    assertThat(PasswordMask.mask("jdbc:mariadb://root:pw@db/shop", null))
        .isEqualTo("jdbc:mariadb://root:****@db/shop");
  }

  @Test
  void theConfiguredPassword_isMaskedAsAWholeWord_butNotInsideAnotherWord() {
    assertThat(PasswordMask.mask("user postgres failed: postgresql", "postgres"))
        .isEqualTo("user **** failed: postgresql");
  }

  @Test
  void aShortConfiguredPassword_isLeftWhereItIsAnOrdinaryWord() {
    assertThat(PasswordMask.mask("Wrong user name or password for sa", "sa"))
        .isEqualTo("Wrong user name or password for sa");
  }

  @Test
  void reveals_looksThroughCausesAndSuppressedExceptions() {
    IllegalStateException failure = new IllegalStateException("outer");
    failure.addSuppressed(new SQLException("at jdbc:x://db?pwd=secret"));

    assertThat(PasswordMask.reveals(failure, null)).isTrue();
    assertThat(PasswordMask.reveals(new IllegalStateException("outer",
        new SQLException("plain")), "Sup3r-Secret")).isFalse();
    assertThat(PasswordMask.reveals(new IllegalStateException("outer",
        new SQLException("Sup3r-Secret")), "Sup3r-Secret")).isTrue();
  }
}
