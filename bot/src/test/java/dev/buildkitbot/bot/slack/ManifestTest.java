package dev.buildkitbot.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** config/manifest.yml must declare everything the code listens to. */
class ManifestTest {
    @Test
    void declaresEveryEventCommandAndShortcutTheAppHandles() throws Exception {
        JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "config", "manifest.yml").toFile());
        Set<String> events = new HashSet<>();
        manifest.at("/settings/event_subscriptions/bot_events").forEach(e -> events.add(e.asText()));
        Set<String> commands = new HashSet<>();
        manifest.at("/features/slash_commands").forEach(c -> commands.add(c.path("command").asText()));
        Set<String> shortcuts = new HashSet<>();
        manifest.at("/features/shortcuts").forEach(s -> shortcuts.add(s.path("callback_id").asText()));
        Set<String> scopes = new HashSet<>();
        manifest.at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));

        try (SlackAppHarness harness = new SlackAppHarness(Map.of())) {
            var registered = harness.slackApp.registrations();
            assertThat(events).containsAll(registered.events());
            assertThat(commands).containsAll(registered.commands());
            assertThat(shortcuts).containsAll(registered.shortcuts());
        }
        assertThat(scopes).contains("app_mentions:read", "chat:write", "im:history", "channels:history", "commands");
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
    }
}
