package dev.retort.spring.boot.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP request to a test application, and its JSON. */
record Http(int status, JsonNode json) {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  static Http get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    return new Http(response.statusCode(),
        body.isEmpty() ? null : JsonMapper.builder().build().readTree(body));
  }
}
