package com.accountwall.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Talks to a wall's API the way a client would, over loopback HTTP/1.1 with keep-alive. */
public final class ApiClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;

  public ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** An answer: its status and body. */
  public record Response(int status, String body) {}

  public Response post(String json) throws IOException, InterruptedException {
    return send("POST", "/api/orders", json, "application/json");
  }

  /** An order request with an {@code Idempotency-Key} header. */
  public Response post(String json, String idempotencyKey)
      throws IOException, InterruptedException {
    return send("POST", "/api/orders", json, "application/json", idempotencyKey);
  }

  /** The live accounts' widgets, by account id, as {@code GET /api/accounts} lists them. */
  public Map<Long, Long> widgetsById() throws IOException, InterruptedException {
    Response accounts = get("/api/accounts");
    if (accounts.status() != 200) {
      throw new IOException("GET /api/accounts answered " + accounts);
    }
    Map<Long, Long> widgets = new HashMap<>();
    for (JsonNode account : JSON.readTree(accounts.body())) {
      widgets.put(account.get("accountId").asLong(), account.get("widgetsSold").asLong());
    }
    return widgets;
  }

  public Response get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null);
  }

  public Response delete(String path) throws IOException, InterruptedException {
    return send("DELETE", path, null, null);
  }

  public Response send(String method, String path, String body, String contentType)
      throws IOException, InterruptedException {
    return send(method, path, body, contentType, null);
  }

  private Response send(
      String method, String path, String body, String contentType, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    var response = HTTP.send(request.build(), BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body());
  }
}
