package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a password is masked: always where one is written, read as each driver reads it;
 * elsewhere only as a whole word long enough not to be an ordinary one.
 */
class PasswordMaskTest {

  private static final String M = PasswordMask.MASK;

  @Test
  void aPasswordWrittenInAUrl_isMasked_howeverShort_andUnknown() {
    PasswordMask none = PasswordMask.none();

    assertThat(none.mask("jdbc:h2:tcp://db/shop;USER=sa;PASSWORD=x;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:tcp://db/shop;USER=sa;PASSWORD=" + M + ";MODE=PostgreSQL");
    assertThat(none.mask("jdbc:postgresql://db/shop?user=a&password=pw&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/shop?user=a&password=" + M + "&ssl=true");
    assertThat(none.mask("jdbc:mariadb://root:pw@db/shop"))
        .isEqualTo("jdbc:mariadb://root:" + M + "@db/shop");
    assertThat(none.mask("at jdbc:x://db?PWD=pw;sslPassword=k")).isEqualTo("at jdbc:x://db?PWD="
        + M + ";sslPassword=" + M);
  }

  @Test
  void aShortPassword_isMaskedWhereAPasswordIsWritten_andNowhereElse() {
    String message = "Cannot connect to jdbc:h2:tcp://db/shop;USER=sa;PASSWORD=sa as sa: Wrong"
        + " user name or password; see the usage";

    assertThat(PasswordMask.of("sa", null).mask(message)).isEqualTo("Cannot connect to"
        + " jdbc:h2:tcp://db/shop;USER=sa;PASSWORD=" + M + " as sa: Wrong user name or password;"
        + " see the usage");
  }

  @Test
  void aLongerPassword_isMaskedAsAWholeWord_evenAsAUserName_butNotInsideAnotherWord() {
    String message = "Cannot connect to jdbc:postgresql://postgres:postgres@db/shop as postgres:"
        + " FATAL: password authentication failed for user \"postgres\"";

    assertThat(PasswordMask.of("postgres", null).mask(message)).isEqualTo("Cannot connect to"
        + " jdbc:postgresql://" + M + ":" + M + "@db/shop as " + M + ": FATAL: password"
        + " authentication failed for user \"" + M + "\"");
  }

  @Test
  void theDriversParsing_decidesWhatThePasswordIs() {
    assertThat(PasswordMask.passwordsIn(
        "jdbc:postgresql://h/db?user=u&password=a;b)c d?e&ssl=true")).containsExactly("a;b)c d?e");
    assertThat(PasswordMask.passwordsIn("jdbc:postgresql://h/db?password=a%26b+c"))
        .containsExactly("a%26b+c", "a&b c");
    assertThat(PasswordMask.passwordsIn("jdbc:mariadb://h/db?user=u&password=x&y=1"))
        .containsExactly("x");
    assertThat(PasswordMask.passwordsIn("jdbc:mariadb://root:p w)d@h:3306/db"))
        .containsExactly("p w)d");
    assertThat(PasswordMask.passwordsIn(
        "jdbc:h2:tcp://h/db;USER=sa;password=a&b?c d;MODE=MySQL")).containsExactly("a&b?c d");
    assertThat(PasswordMask.passwordsIn("jdbc:postgresql://h/db?sslpassword=k3y&password=pw"))
        .containsExactly("k3y", "pw");
    assertThat(PasswordMask.passwordsIn("jdbc:h2:mem:x")).isEmpty();
    assertThat(PasswordMask.passwordsIn(null)).isEmpty();
  }

  @Test
  void aKnownPassword_isMaskedWhole_evenWhereItsCharactersWouldEndAnUnknownOne() {
    PasswordMask mask = PasswordMask.of(null, "jdbc:h2:tcp://h/db;PASSWORD=a&b c)d");

    assertThat(mask.mask("URL format error; jdbc:h2:tcp://h/db;PASSWORD=a&b c)d is wrong"))
        .isEqualTo("URL format error; jdbc:h2:tcp://h/db;PASSWORD=" + M + " is wrong");
  }

  @Test
  void masksCombine_andNullsAreIgnored() {
    PasswordMask both = PasswordMask.of(List.of("Sup3r-Secret"), List.of())
        .and(PasswordMask.of(java.util.Arrays.asList(null, "0ther-Secret"),
            java.util.Arrays.asList("jdbc:postgresql://h/db?password=Th1rd-Secret", null)));

    assertThat(both.mask("Sup3r-Secret 0ther-Secret Th1rd-Secret"))
        .isEqualTo(M + " " + M + " " + M);
    assertThat(both.toString()).doesNotContain("Secret");
    assertThat(both.mask(null)).isNull();
  }

  @Test
  void reveals_looksThroughCausesAndSuppressedExceptions() {
    IllegalStateException failure = new IllegalStateException("outer");
    failure.addSuppressed(new SQLException("at jdbc:x://db?pwd=secret"));

    assertThat(PasswordMask.none().reveals(failure)).isTrue();
    assertThat(PasswordMask.of("Sup3r-Secret", null).reveals(new IllegalStateException("outer",
        new SQLException("plain")))).isFalse();
    assertThat(PasswordMask.of("Sup3r-Secret", null).reveals(new IllegalStateException("outer",
        new SQLException("Sup3r-Secret")))).isTrue();
  }
}
