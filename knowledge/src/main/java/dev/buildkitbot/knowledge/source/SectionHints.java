package dev.buildkitbot.knowledge.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users' words for guide sections, kept as data beside the shipped knowledge: {@code source-hints.txt}
 * ("CVE" for "Security issues", "stuck" for "Reporting deadlock"), indexed with the section for the
 * word search, and {@code guide-questions.txt}, questions each section answers in a user's words,
 * which the meaning search reads as passages and the word search as a field of their section.
 *
 * @param byAnchor  hint words per guide anchor
 * @param questions questions per guide anchor
 * @param raw       both files as read: part of the knowledge's content hash
 */
public record SectionHints(Map<String, String> byAnchor, Map<String, List<String>> questions, String raw) {
    private static final String HINTS = "/dev/buildkitbot/knowledge/source-hints.txt";
    private static final String QUESTIONS = "/dev/buildkitbot/knowledge/guide-questions.txt";

    public SectionHints {
        byAnchor = Map.copyOf(byAnchor);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        questions.forEach((anchor, list) -> copy.put(anchor, List.copyOf(list)));
        questions = Map.copyOf(copy);
    }

    public static SectionHints load() {
        String hints = DataFile.text(HINTS);
        String questionText = DataFile.text(QUESTIONS);
        Map<String, String> byAnchor = new LinkedHashMap<>();
        lines(hints).forEach(l -> byAnchor.put(l[0], l[1]));
        Map<String, List<String>> questions = new LinkedHashMap<>();
        lines(questionText).forEach(l -> questions.computeIfAbsent(l[0], k -> new ArrayList<>()).add(l[1]));
        return new SectionHints(byAnchor, questions, hints + "\n" + questionText);
    }

    /** {@code anchor: text} lines; comments and blank lines skipped. */
    private static List<String[]> lines(String raw) {
        List<String[]> out = new ArrayList<>();
        for (String s : DataFile.contentLines(raw)) {
            int colon = s.indexOf(':');
            if (colon > 0) {
                out.add(new String[] {s.substring(0, colon).strip(), s.substring(colon + 1).strip()});
            }
        }
        return out;
    }

    public String forSection(Section section) {
        return "guide".equals(section.source()) ? byAnchor.getOrDefault(section.anchor(), "") : "";
    }

    /** The questions a guide section answers; none for docs. */
    public List<String> questionsFor(Section section) {
        return "guide".equals(section.source()) ? questions.getOrDefault(section.anchor(), List.of()) : List.of();
    }
}
