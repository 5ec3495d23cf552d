package com.example.shop.service;

import static com.google.common.truth.Truth.assertThat;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as it ships, on its embedded H2 database: the starter migrated the shop's schema
 * before Hibernate validated it, and the service reads and writes the migrated tables through
 * JPA and jOOQ over HTTP. Neither needs a quoting setting: both write names unquoted, as the
 * migrations did.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShopServiceTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired DSLContext dsl;
  @Autowired UserRepository users;
  @Autowired Orders orders;

  @Test
  void usersAndOrders_areServedFromTheMigratedTables() throws Exception {
    JsonNode user = send("POST", "/users", "{\"email\":\"grace@example.com\",\"name\":\"Grace\"}", 201);
    assertThat(user.get("emailVerified").asBoolean()).isFalse();
    long id = user.get("id").asLong();

    JsonNode order = send("POST", "/users/" + id + "/orders", "{\"total\":40.25}", 201);
    assertThat(order.get("status").asString()).isEqualTo("PLACED");

    JsonNode users = send("GET", "/users", null, 200);
    assertThat(users.toString()).contains("\"email\":\"grace@example.com\"");
    JsonNode summary = send("GET", "/orders/summary", null, 200);
    assertThat(summary.toString()).contains("{\"email\":\"grace@example.com\",\"orders\":1,"
        + "\"spent\":40.25}");
  }

  @Test
  void theJooqQueries_nameTheTablesAsTheMigrationsCreatedThem() {
    assertThat(dsl.render(table(name("users")))).isEqualTo("users");
    User user = users.save(new User("ada.jooq@example.com", "Ada"));

    Orders.Order order = orders.place(user.getId(), new BigDecimal("3.10"));

    assertThat(order.status()).isEqualTo("PLACED");
    Orders.Summary summary = orders.summaries().stream()
        .filter(row -> row.email().equals("ada.jooq@example.com")).findFirst().orElseThrow();
    assertThat(summary.orders()).isEqualTo(1);
    assertThat(summary.spent()).isEqualToIgnoringScale("3.1");
  }

  @Test
  void anOrderForNoUser_isNotFound() throws Exception {
    send("POST", "/users/999999/orders", "{\"total\":1}", 404);
  }

  @Test
  void theRetortEndpoint_showsTheShopAtItsHead_afterSevenRevisions() throws Exception {
    JsonNode report = send("GET", "/actuator/retort", null, 200);

    JsonNode bean = report.get("contexts").iterator().next().get("retortBeans").get("retort");
    assertThat(bean.get("registry").asString())
        .isEqualTo("com.example.shop.db.versions.Revisions");
    assertThat(bean.get("current").get(0).get("id").asString()).isEqualTo("e7f4b2c9a016");
    assertThat(bean.get("pending").size()).isEqualTo(0);
    assertThat(bean.get("history").size()).isEqualTo(7);
    JsonNode health = send("GET", "/actuator/health", null, 200);
    assertThat(health.get("components").get("retort").get("status").asString()).isEqualTo("UP");
  }

  private JsonNode send(String method, String path, String body, int status) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + path));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = CLIENT.send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(status);
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }
}
