package dev.buildkitbot.knowledge.embed;

import dev.buildkitbot.knowledge.similar.NoiseStripper;
import dev.buildkitbot.knowledge.source.Section;
import dev.buildkitbot.knowledge.source.SectionHints;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What gets embedded. The model reads about 256 word pieces, so what it is shown must be the part
 * that carries the meaning: a section's headings with a window of its text, an issue's title with
 * the prose of its description (the words people use for the problem) before any pasted log.
 */
public final class EmbeddingTexts {
    /** Words per chunk of a section: with the headings, under the model's 256 word pieces. */
    static final int CHUNK_WORDS = 60;
    static final int CHUNK_OVERLAP = 15;
    /** A very long page section still gets a bounded number of vectors. */
    static final int MAX_CHUNKS = 12;
    static final int ISSUE_CHARS = 700;
    /** A first line longer than this is prose, not a title. */
    static final int MAX_TITLE_CHARS = 200;

    private static final Pattern FENCED = Pattern.compile("(?s)(```|~~~).*?(\\1|\\z)");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s.*$");
    private static final Pattern IMAGE_OR_URL = Pattern.compile("!\\[[^]]*]\\([^)]*\\)|https?://\\S+");
    private static final Pattern HTML = Pattern.compile("<[^>]{1,200}>");
    private static final Pattern MARKUP = Pattern.compile("[*_`>|]+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private EmbeddingTexts() {
    }

    /**
     * Changes whenever what {@link #sectionPassages} produces changes: the index re-embeds the
     * knowledge when it differs.
     */
    public static final String PASSAGE_SCHEME = "windows60+guide-sentences+hints+bare-questions";
    /** A sentence shorter than this says too little to be matched on its own ("See below."). */
    static final int MIN_SENTENCE_WORDS = 4;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z`\"“(\\[])|\\n\\s*\\n|\\n\\s*[-*]\\s+");

    /**
     * Every passage the model sees for a section. All sections: windows of their text. Guide sections
     * also: each sentence on its own — a question usually asks about one thing the guide says in one
     * sentence, and a window's other sentences dilute it — the words users use for the section
     * ({@code source-hints.txt}) and the questions it answers ({@code guide-questions.txt}). The
     * guide is short (about 250 passages this way) and is what the bot is for; the docs stay at windows.
     */
    public static List<String> sectionPassages(Section s, SectionHints extra) {
        List<String> passages = new ArrayList<>(sectionChunks(s));
        if (!"guide".equals(s.source())) {
            return passages;
        }
        String heading = s.title();
        for (String sentence : SENTENCE_END.split(FENCED.matcher(s.text()).replaceAll("\n\n"))) {
            String t = SPACE.matcher(sentence).replaceAll(" ").strip();
            if (SPACE.split(t).length >= MIN_SENTENCE_WORDS) {
                passages.add(heading + ": " + t);
            }
        }
        String hints = extra.forSection(s);
        if (!hints.isBlank()) {
            passages.add(heading + ": " + hints.strip());
        }
        // A question stands alone: the heading in front of it pulls it away from the user's question
        // (measured: "i can't reproduce it on demand, should i still file it?" is 0.54 from the bare
        // question and 0.35 with "Reproducible test case: " in front; eval-questions, BENCHMARKS.md).
        passages.addAll(extra.questionsFor(s));
        return passages.stream().distinct().toList();
    }

    /** One text per window of the section, each starting with the page and section headings. */
    public static List<String> sectionChunks(Section s) {
        String heading = s.pageTitle() == null || s.pageTitle().isBlank() || s.pageTitle().equals(s.title())
                ? s.title() : s.pageTitle() + ": " + s.title();
        String[] words = SPACE.split(s.text().strip());
        List<String> chunks = new ArrayList<>();
        if (words.length == 0 || words[0].isEmpty()) {
            chunks.add(heading);
            return chunks;
        }
        for (int start = 0; start < words.length && chunks.size() < MAX_CHUNKS; start += CHUNK_WORDS - CHUNK_OVERLAP) {
            int end = Math.min(words.length, start + CHUNK_WORDS);
            chunks.add(heading + "\n" + String.join(" ", java.util.Arrays.copyOfRange(words, start, end)));
            if (end == words.length) {
                break;
            }
        }
        return chunks;
    }

    /**
     * An issue (or a problem description) as the model should read it: the title, then what the
     * reporter wrote in their own words — template headings, checklists, links and pasted code
     * removed — and only when that is short, the start of the pasted output.
     */
    public static String issue(String title, String body) {
        String clean = NoiseStripper.strip(body == null ? "" : body);
        StringBuilder code = new StringBuilder();
        var fenced = FENCED.matcher(clean);
        while (fenced.find() && code.length() < ISSUE_CHARS) {
            code.append(fenced.group().replaceAll("```|~~~", " ")).append(' ');
        }
        String prose = FENCED.matcher(clean).replaceAll(" ");
        prose = HEADING.matcher(prose).replaceAll(" ");
        prose = IMAGE_OR_URL.matcher(prose).replaceAll(" ");
        prose = HTML.matcher(prose).replaceAll(" ");
        prose = MARKUP.matcher(prose).replaceAll(" ");
        prose = SPACE.matcher(prose).replaceAll(" ").strip();
        StringBuilder text = new StringBuilder(title == null ? "" : title.strip());
        if (!prose.isEmpty()) {
            text.append('\n').append(prose);
        }
        if (text.length() < ISSUE_CHARS / 2 && !code.isEmpty()) {
            text.append('\n').append(SPACE.matcher(code).replaceAll(" ").strip());
        }
        return text.length() > ISSUE_CHARS ? text.substring(0, ISSUE_CHARS) : text.toString();
    }

    /**
     * The title of a pasted description — its first line, when short enough to be one and followed by
     * more text; empty for a one-line message, whose whole text is already its title.
     */
    public static Optional<String> title(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        if (nl > 0 && nl <= MAX_TITLE_CHARS && !t.substring(nl + 1).isBlank()) {
            return Optional.of(t.substring(0, nl).strip());
        }
        return Optional.empty();
    }

    /** A pasted description: its first line is its title when short enough to be one. */
    public static String description(String text) {
        String t = text == null ? "" : text.strip();
        Optional<String> title = title(t);
        if (title.isPresent()) {
            return issue(title.get(), t.substring(t.indexOf('\n') + 1));
        }
        return issue(t.length() <= MAX_TITLE_CHARS ? t : "", t.length() <= MAX_TITLE_CHARS ? "" : t);
    }
}
