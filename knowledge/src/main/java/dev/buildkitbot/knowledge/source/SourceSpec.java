package dev.buildkitbot.knowledge.source;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;

/**
 * One repository whose files the bot knows (configured in {@code config/sources.yml}): which paths,
 * as what kind ({@code guide}, {@code docs}, {@code security}, {@code template}).
 */
public record SourceSpec(String repo, String ref, List<Rule> files) {
    public SourceSpec {
        files = List.copyOf(files);
        if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not owner/name: " + repo);
        }
    }

    /** A path or a glob ({@code docs/**}{@code /*.md}) and the kind of what it matches. */
    public record Rule(String path, String glob, String kind) {
        boolean matches(String candidate) {
            if (path != null) {
                return path.equals(candidate);
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return matcher.matches(Path.of(candidate));
        }
    }

    /** The kind of a repository path, if a rule covers it (first rule wins). */
    public Optional<String> kindOf(String path) {
        return files.stream().filter(r -> r.matches(path)).map(Rule::kind).findFirst();
    }
}
