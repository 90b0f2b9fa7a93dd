package dev.buildkitbot.knowledge.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML front matter some docs pages start with ({@code ---\ntitle: SBOMs\n---}). CommonMark
 * would read it as a rule and a setext heading; all the index needs from it is the title.
 */
record FrontMatter(String title, String body) {
    private static final Pattern BLOCK = Pattern.compile("\\A---\\r?\\n(.*?)\\r?\\n---\\r?\\n", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("(?m)^title:\\s*[\"']?(.*?)[\"']?\\s*$");

    static FrontMatter split(String markdown) {
        Matcher block = BLOCK.matcher(markdown);
        if (!block.find()) {
            return new FrontMatter("", markdown);
        }
        Matcher title = TITLE.matcher(block.group(1));
        return new FrontMatter(title.find() ? title.group(1) : "", markdown.substring(block.end()));
    }
}
