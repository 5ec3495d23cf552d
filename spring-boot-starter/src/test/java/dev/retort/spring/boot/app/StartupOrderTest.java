package dev.retort.spring.boot.app;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.spring.boot.widgets.Revisions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A whole application on H2: the migrations run before the JPA repository and the jOOQ query
 * that a bean uses while it is created (and before Hibernate validates the schema), and Actuator
 * reports them over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:startup_order;DB_CLOSE_DELAY=-1",
    "spring.jpa.hibernate.ddl-auto=validate",
    "management.endpoints.web.exposure.include=retort,health",
    "management.endpoint.health.show-details=always"})
class StartupOrderTest {

  @Autowired WidgetsAtStartUp atStartUp;
  @Autowired WidgetRepository repository;
  @LocalServerPort int port;

  @Test
  void theMigrationsRan_beforeTheRepositoryAndTheJooqQueryWereFirstUsed() {
    assertThat(atStartUp.throughJpa()).containsExactly("first");
    assertThat(atStartUp.throughJooq()).containsExactly("first");
  }

  @Test
  void theEndpoint_listsCurrentHeadsPendingAndTheHistory_asJson() throws Exception {
    Http response = Http.get(port, "/actuator/retort");

    assertThat(response.status()).isEqualTo(200);
    JsonNode contexts = response.json().get("contexts");
    assertThat(contexts.size()).isEqualTo(1);
    JsonNode bean = contexts.iterator().next().get("retortBeans").get("retort");
    assertThat(bean.get("registry").asString()).isEqualTo(Revisions.class.getName());
    assertThat(ids(bean.get("current"))).containsExactly(Revisions.W3_UNIQUE_WIDGET_NAMES.id());
    assertThat(ids(bean.get("heads"))).containsExactly(Revisions.W3_UNIQUE_WIDGET_NAMES.id());
    assertThat(bean.get("pending").size()).isEqualTo(0);
    JsonNode newest = bean.get("history").get(0);
    assertThat(newest.get("revision").asString()).isEqualTo(Revisions.W3_UNIQUE_WIDGET_NAMES.id());
    assertThat(newest.get("action").asString()).isEqualTo("UPGRADE");
    assertThat(newest.get("success").asBoolean()).isTrue();
    assertThat(newest.get("message").asString()).isEqualTo("Unique widget names");
    assertThat(newest.get("startedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    List<String> revisions = new ArrayList<>();
    bean.get("history").forEach(row -> revisions.add(row.get("revision").asString()));
    assertThat(revisions).containsExactly(Revisions.W3_UNIQUE_WIDGET_NAMES.id(),
        Revisions.W2_SEED_FIRST_WIDGET.id(), Revisions.W1_CREATE_WIDGETS.id()).inOrder();
    JsonNode current = bean.get("current").get(0);
    assertThat(current.get("migration").asString())
        .isEqualTo(Revisions.W3_UNIQUE_WIDGET_NAMES.className());
    assertThat(current.get("revises").get(0).asString())
        .isEqualTo(Revisions.W2_SEED_FIRST_WIDGET.id());
  }

  @Test
  void theEndpoint_returnsAsManyHistoryRowsAsAskedFor() throws Exception {
    Http response = Http.get(port, "/actuator/retort?history=1");

    JsonNode bean = response.json().get("contexts").iterator().next()
        .get("retortBeans").get("retort");
    assertThat(bean.get("history").size()).isEqualTo(1);
  }

  @Test
  void theEndpoint_refusesAHistoryOutsideItsRange_withABadRequest() throws Exception {
    assertThat(Http.get(port, "/actuator/retort?history=0").status()).isEqualTo(400);
    assertThat(Http.get(port, "/actuator/retort?history=many").status()).isEqualTo(400);
  }

  @Test
  void health_isUp_withWhereTheDatabaseIs() throws Exception {
    Http response = Http.get(port, "/actuator/health");

    assertThat(response.status()).isEqualTo(200);
    JsonNode retort = response.json().get("components").get("retort");
    assertThat(retort.get("status").asString()).isEqualTo("UP");
    assertThat(ids(retort.get("details").get("current"), true))
        .containsExactly(Revisions.W3_UNIQUE_WIDGET_NAMES.id());
    assertThat(retort.get("details").get("pending").size()).isEqualTo(0);
  }

  private static List<String> ids(JsonNode revisions) {
    List<String> ids = new ArrayList<>();
    revisions.forEach(revision -> ids.add(revision.get("id").asString()));
    return ids;
  }

  private static List<String> ids(JsonNode strings, boolean plain) {
    List<String> ids = new ArrayList<>();
    strings.forEach(id -> ids.add(id.asString()));
    return ids;
  }
}
