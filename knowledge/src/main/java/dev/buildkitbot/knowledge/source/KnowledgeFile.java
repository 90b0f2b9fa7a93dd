package dev.buildkitbot.knowledge.source;

/**
 * One document the bot knows, as text.
 *
 * @param repo    GitHub repository, e.g. {@code moby/buildkit}
 * @param path    path inside the repository
 * @param kind    {@code guide}, {@code docs}, {@code security} or {@code template}
 * @param content the file's text
 */
public record KnowledgeFile(String repo, String path, String kind, String content) {
}
