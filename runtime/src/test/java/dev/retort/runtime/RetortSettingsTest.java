package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.messages.Messages;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The state tables' names go into SQL unquoted: settings refuse what that would break. */
class RetortSettingsTest {

  @Test
  void anSqlKeyword_isRefusedAsATableName_inAnyCase() {
    IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
        () -> RetortSettings.defaults().withVersionTable("order"));
    IllegalArgumentException user = assertThrows(IllegalArgumentException.class,
        () -> RetortSettings.defaults().withHistoryTable("User"));
    IllegalArgumentException lock = assertThrows(IllegalArgumentException.class,
        () -> RetortSettings.defaults().withLockTable("lock"));
    IllegalArgumentException schema = assertThrows(IllegalArgumentException.class,
        () -> RetortSettings.defaults().withSchema("select"));

    assertThat(order).hasMessageThat()
        .isEqualTo(Messages.reservedName("version table name", "order"));
    assertThat(user).hasMessageThat().isEqualTo(Messages.reservedName("history table name",
        "User"));
    assertThat(lock).hasMessageThat().isEqualTo(Messages.reservedName("lock table name", "lock"));
    assertThat(schema).hasMessageThat().isEqualTo(Messages.reservedName("schema name", "select"));
  }

  @Test
  void somethingOtherThanAPlainIdentifier_isRefused() {
    for (String name : new String[] {"retort version", "1st", "x;drop table users", "\"q\"", ""}) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> RetortSettings.defaults().withVersionTable(name));
      assertThat(refused).hasMessageThat()
          .isEqualTo(Messages.invalidName("version table name", name));
    }
    assertThrows(IllegalArgumentException.class,
        () -> RetortSettings.defaults().withVersionTable(null));
  }

  @Test
  void anIdentifier_isAsciiLettersDigitsAndUnderscores_upTo63_notStartingWithADigit() {
    String longest = "t" + "_".repeat(62);
    for (String name : new String[] {"_", "t", "T9", "_9_x", longest}) {
      assertThat(RetortSettings.defaults().withVersionTable(name).versionTable()).isEqualTo(name);
    }
    for (String name : new String[] {longest + "x", "9t", "é", "tablé", "t-1", "t.1", "t\u0000",
        "\u0661abc", "ｔ"}) {
      assertThrows(IllegalArgumentException.class,
          () -> RetortSettings.defaults().withVersionTable(name), name);
    }
  }

  @Test
  void theDefaultNames_areNoKeywords_soTheDefaultsNeedNotReadTheList() {
    for (String name : RetortSettings.DEFAULT_NAMES) {
      assertThat(ReservedWords.contains(name)).isFalse();
    }
    RetortSettings defaults = RetortSettings.defaults();
    assertThat(RetortSettings.DEFAULT_NAMES).containsExactly(defaults.versionTable(),
        defaults.historyTable(), defaults.lockTable());
  }

  @Test
  void namesPeopleGiveTheirTables_areAccepted() {
    RetortSettings settings = RetortSettings.defaults().withSchema("ops")
        .withVersionTable("schema_version").withHistoryTable("flyway_schema_history")
        .withLockTable("shop_migration_lock");

    assertThat(settings.versionTable()).isEqualTo("schema_version");
    assertThat(settings.historyTable()).isEqualTo("flyway_schema_history");
  }

  @Test
  void aDurationThatIsNotPositive_isRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> RetortSettings.defaults().withLockTimeout(Duration.ZERO));

    assertThat(refused).hasMessageThat().isEqualTo(Messages.notPositive("lockTimeout",
        Duration.ZERO));
  }

  @Test
  void aCopyWithOneSettingChanged_keepsTheOthers() {
    RetortSettings settings = RetortSettings.defaults().withSchema("ops")
        .withNameQuoting(RetortSettings.NameQuoting.QUOTED)
        .withTransactionMode(RetortSettings.TransactionMode.SINGLE)
        .withVersionTable("schema_version");

    assertThat(settings.schema()).isEqualTo("ops");
    assertThat(settings.nameQuoting()).isEqualTo(RetortSettings.NameQuoting.QUOTED);
    assertThat(settings.transactionMode()).isEqualTo(RetortSettings.TransactionMode.SINGLE);
  }
}
