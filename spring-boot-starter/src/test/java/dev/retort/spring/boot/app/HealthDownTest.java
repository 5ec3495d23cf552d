package dev.retort.spring.boot.app;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.MigrationFailedException;
import dev.retort.runtime.Retort;
import dev.retort.spring.boot.widgets.Revisions;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A running application whose database another runner (a newer instance, the command line)
 * failed to upgrade: on H2 the failed revision's DDL stays, so the failure is unresolved and the
 * health turns DOWN until someone repairs it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:health_down;DB_CLOSE_DELAY=-1",
    "retort.target=9d4c2b8e6f10",
    "spring.jpa.hibernate.ddl-auto=validate",
    "management.endpoints.web.exposure.include=health",
    "management.endpoint.health.show-details=always"})
class HealthDownTest {

  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @Test
  void anUnresolvedFailure_turnsTheHealthDown_andRepairTurnsItUp() throws Exception {
    assertThat(status(Http.get(port, "/actuator/health"))).isEqualTo("UP");
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute("insert into widgets (name) values ('first')");
    }

    Retort otherRunner = Retort.using(dataSource, Revisions.REGISTRY);
    MigrationFailedException failed =
        assertThrows(MigrationFailedException.class, otherRunner::upgrade);
    assertThat(failed.rolledBack()).isFalse();

    Http down = Http.get(port, "/actuator/health");
    assertThat(down.status()).isEqualTo(503);
    assertThat(status(down)).isEqualTo("DOWN");
    assertThat(down.json().get("components").get("retort").get("details")
        .get("unresolvedFailure").asString())
        .contains(Revisions.W3_UNIQUE_WIDGET_NAMES.id() + " (W3_UniqueWidgetNames) failed at");

    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute("drop table widget_renames");
    }
    otherRunner.repair();
    assertThat(status(Http.get(port, "/actuator/health"))).isEqualTo("UP");
  }

  private static String status(Http health) {
    JsonNode retort = health.json().get("components").get("retort");
    return retort.get("status").asString();
  }
}
