package dev.buildkitbot.knowledge.source;

import java.util.List;

/**
 * One heading-delimited part of a Markdown document: what the bot quotes and links to.
 *
 * @param source   {@code guide} or {@code docs}
 * @param repo     the GitHub repository the document lives in, e.g. {@code moby/buildkit}
 * @param path     the document's path inside that repository
 * @param anchor   GitHub's anchor for the section heading
 * @param title    the heading text
 * @param pageTitle the document's H1 (empty when it has none)
 * @param text     plain text of the section (code blocks included)
 * @param commands the section's code blocks, verbatim
 * @param url      link to the exact anchor on GitHub
 */
public record Section(String source, String repo, String path, String anchor, String title,
                      String pageTitle, String text, List<String> commands, String url) {
    public Section {
        commands = List.copyOf(commands);
    }

    public String id() {
        return source + ":" + repo + "/" + path + "#" + anchor;
    }
}
