package dev.buildkitbot.bot.slack.listeners;

import java.util.Set;

/** What the app listens to, so a test can hold the Slack app manifest to it. */
public record Registrations(Set<String> events, Set<String> commands, Set<String> shortcuts, Set<String> actions) {
}
