package dev.buildkitbot.knowledge.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** GitHub's REST API played on loopback: each request is answered by the test's function and recorded. */
final class FakeGitHub implements AutoCloseable {
    record Request(String path, String query, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Response(int status, String body, Map<String, String> headers) {
        static Response ok(String body, Map<String, String> headers) {
            return new Response(200, body, headers);
        }
    }

    private final HttpServer server;
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    volatile Function<Request, Response> handler = r -> new Response(404, "{}", Map.of());

    FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()));
        requests.add(request);
        Response response = handler.apply(request);
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), response.status() == 304 ? -1 : body.length);
        if (response.status() != 304) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
