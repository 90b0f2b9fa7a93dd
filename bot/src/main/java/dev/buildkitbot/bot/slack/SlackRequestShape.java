package dev.buildkitbot.bot.slack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a signed body has what Bolt's parser and our listeners read without checking: an
 * {@code event_callback} without its event, a {@code view_submission} without its view or a click
 * without its user made Bolt throw (a 500 with a stack trace). Read strictly, as Bolt's Gson does:
 * one JSON value and nothing after it.
 */
final class SlackRequestShape {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SlackRequestShape() {
    }

    /** What is wrong with the body, or empty when Bolt can take it. */
    static Optional<String> problem(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        try {
            return switch (type) {
                case "application/json" -> eventsApi(JSON.readTree(body));
                case "application/x-www-form-urlencoded" -> form(new String(body, StandardCharsets.UTF_8));
                default -> Optional.of("unsupported content type " + (type.isEmpty() ? "(none)" : type));
            };
        } catch (IOException e) {
            return Optional.of("malformed " + type + " body");
        } catch (IllegalArgumentException e) {
            return Optional.of("malformed form encoding");
        }
    }

    private static Optional<String> eventsApi(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.of("body is not a JSON object");
        }
        String type = text(root, "type");
        if (type == null) {
            return Optional.of("no type");
        }
        return switch (type) {
            case "url_verification" -> text(root, "challenge") == null ? Optional.of("url_verification without challenge") : Optional.empty();
            case "event_callback" -> {
                JsonNode event = root.get("event");
                yield event == null || !event.isObject() || text(event, "type") == null
                        ? Optional.of("event_callback without an event type") : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    private static Optional<String> form(String body) throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            fields.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (fields.containsKey("payload")) {
            return interaction(JSON.readTree(fields.get("payload")));
        }
        if (fields.containsKey("ssl_check")) {
            return Optional.empty();
        }
        if (fields.containsKey("command")) {
            return blank(fields.get("command")) || blank(fields.get("user_id")) || blank(fields.get("channel_id"))
                    ? Optional.of("slash command without command, user_id or channel_id") : Optional.empty();
        }
        return Optional.of("form without payload or command");
    }

    private static Optional<String> interaction(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return Optional.of("payload is not a JSON object");
        }
        String type = text(payload, "type");
        if (type == null) {
            return Optional.of("payload without type");
        }
        boolean hasUser = payload.path("user").isObject() && text(payload.get("user"), "id") != null;
        Optional<String> noUser = hasUser ? Optional.empty() : Optional.of(type + " without user");
        return switch (type) {
            case "block_actions" -> noUser.isPresent() ? noUser
                    : payload.path("actions").isArray() ? Optional.empty() : Optional.of("block_actions without actions");
            case "view_submission", "view_closed" -> noUser.isPresent() ? noUser
                    : payload.path("view").isObject() ? Optional.empty() : Optional.of(type + " without view");
            case "message_action", "shortcut" -> noUser.isPresent() ? noUser
                    : text(payload, "callback_id") == null ? Optional.of(type + " without callback_id") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
