package dev.retort.runtime.internal.state;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.state.StateSql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The text Retort keeps for its plain JDBC statements is jOOQ's rendering of the statements built
 * from the table definitions: a change to either that the other does not follow fails here.
 */
class StateSqlTest {

  @Test
  void eachStatementsText_isJooqsRenderingOfTheTableDefinitions() {
    List<String> differ = new ArrayList<>();
    for (Statement statement : Statement.values()) {
      String rendered = DSL.using(SQLDialect.DEFAULT, new Settings().withRenderFormatted(false))
          .render(StateTables.placeholders().statement(DSL.using(SQLDialect.DEFAULT), statement));
      if (!rendered.equals(statement.template())) {
        differ.add(statement + "(\"" + rendered + "\")");
      }
    }

    assertThat(differ).isEmpty();
  }

  @Test
  void theSettingsNames_replaceThePlaceholders_qualifiedByTheSchema() {
    StateSql sql = new StateSql(RetortSettings.defaults().withSchema("ops")
        .withVersionTable("schema_version").withLockTable("schema_lock"));

    assertThat(sql.sql(Statement.SELECT_HEADS))
        .isEqualTo("select version_num from ops.schema_version order by version_num");
    assertThat(sql.sql(Statement.SELECT_RECORDED)).contains(" from ops.retort_history ");
    assertThat(sql.sql(Statement.RENEW_LEASE)).startsWith("update ops.schema_lock set");
    for (Statement statement : Statement.values()) {
      assertThat(sql.sql(statement)).doesNotContain("{");
    }
  }
}
