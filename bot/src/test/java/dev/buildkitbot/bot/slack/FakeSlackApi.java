package dev.buildkitbot.bot.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Slack's Web API played on loopback: answers what the bot calls and records every call. */
public final class FakeSlackApi implements AutoCloseable {
    public record Call(String method, Map<String, String> params) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ts = new AtomicInteger(1000);
    /** Method name → how many times to answer 429 before succeeding. */
    public final Map<String, Integer> rateLimitTimes = new ConcurrentHashMap<>();
    /** Method name → an error to answer with ({"ok":false,"error":…}). */
    public final Map<String, String> errors = new ConcurrentHashMap<>();
    /** Method name → a whole JSON answer, for methods the defaults below do not cover. */
    public final Map<String, String> extraResponses = new ConcurrentHashMap<>();

    public FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::handle);
        server.createContext("/files/", this::serveFile);
        server.createContext("/upload/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Call("upload", Map.of("path", exchange.getRequestURI().getPath(), "bytes", String.valueOf(body.length))));
            respond(exchange, 200, "OK");
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.contains("json")) {
            params.put("_json", body);
        } else {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            params.put("_auth", auth);
        }
        calls.add(new Call(method, params));
        int limited = rateLimitTimes.getOrDefault(method, 0);
        if (limited > 0) {
            rateLimitTimes.put(method, limited - 1);
            exchange.getResponseHeaders().add("Retry-After", "1");
            respond(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        String error = errors.get(method);
        if (error != null) {
            respond(exchange, 200, "{\"ok\":false,\"error\":\"" + error + "\"}");
            return;
        }
        String extra = extraResponses.get(method);
        if (extra != null) {
            respond(exchange, 200, extra);
            return;
        }
        String json = switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://example.slack.com/\",\"team\":\"T\",\"user\":\"buildkit-bot\","
                    + "\"team_id\":\"T0000000001\",\"user_id\":\"UBOT0000001\",\"bot_id\":\"BBOT0000001\"}";
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D0DM" + params.getOrDefault("users", "X").replaceAll("[^A-Z0-9]", "") + "\"}}";
            case "files.getUploadURLExternal" -> "{\"ok\":true,\"upload_url\":\"" + url().replace("/api/", "/upload/") + "F" + ts.incrementAndGet()
                    + "\",\"file_id\":\"F" + ts.get() + "\"}";
            case "usergroups.list" -> "{\"ok\":true,\"usergroups\":[{\"id\":\"S0OTHER\",\"handle\":\"other\"},{\"id\":\"S0MAINT\",\"handle\":\"buildkit-maintainers\"}]}";
            case "usergroups.users.list" -> "S0MAINT".equals(params.get("usergroup"))
                    ? "{\"ok\":true,\"users\":[\"U0GROUPIE1\",\"U0GROUPIE2\"]}" : "{\"ok\":true,\"users\":[]}";
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"x\"}]}";
            case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + params.getOrDefault("channel", "") + "\",\"ts\":\"1700000000."
                    + ts.incrementAndGet() + "\",\"message\":{\"text\":\"\"}}";
            default -> "{\"ok\":true}";
        };
        respond(exchange, 200, json);
    }

    /** Files users "uploaded": served to the bot at /files/NAME, if it sends the bot token. */
    public final Map<String, byte[]> files = new ConcurrentHashMap<>();

    public String fileUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/files/" + name;
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/files/".length());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        calls.add(new Call("download", Map.of("name", name, "_auth", auth == null ? "" : auth)));
        byte[] content = files.get(name);
        if (content == null || auth == null || !auth.startsWith("Bearer xoxb-")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, content.length);
        exchange.getResponseBody().write(content);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    public List<Call> calls(String method) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    public void clear() {
        calls.clear();
    }

    /** Waits until a call of {@code method} matching {@code filter} arrives. */
    public Call await(String method, Predicate<Call> filter, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Call c : calls(method)) {
                if (filter.test(c)) {
                    return c;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + method + " call arrived within " + timeout + "; calls: " + calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
