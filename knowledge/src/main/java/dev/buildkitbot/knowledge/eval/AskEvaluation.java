package dev.buildkitbot.knowledge.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildkitbot.knowledge.ask.Answer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores {@code ask} on labelled questions: for each kind of question, top-1 and top-3 accuracy, and
 * for off-topic ones ({@code kind: offtopic}, no {@code expect}) the share that got no answer.
 * Expected answers are a guide anchor ({@code reporting-deadlock}) or a docs path with an optional
 * anchor ({@code docs/rootless.md#kubernetes}).
 */
public final class AskEvaluation {
    private static final Logger log = LoggerFactory.getLogger(AskEvaluation.class);
    public record Question(String kind, String text, List<String> expect) {
        public boolean offTopic() {
            return expect.isEmpty();
        }
    }

    public record Outcome(Question question, List<Answer> answers, int rank) {
        public boolean correct() {
            return question.offTopic() ? answers.isEmpty() : rank == 1;
        }
    }

    public record KindScore(String kind, int questions, int top1, int top3, int abstained) {
        public double top1Rate() {
            return questions == 0 ? 0 : (double) top1 / questions;
        }

        public double top3Rate() {
            return questions == 0 ? 0 : (double) top3 / questions;
        }

        public double abstainRate() {
            return questions == 0 ? 0 : (double) abstained / questions;
        }
    }

    public record Report(List<Outcome> outcomes, Map<String, KindScore> byKind) {
        /** The scores per kind of question. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%-10s %5s %7s %7s %9s%n", "kind", "n", "top-1", "top-3", "abstain"));
            for (KindScore k : byKind.values()) {
                sb.append(String.format("%-10s %5d %6.0f%% %6.0f%% %8.0f%%%n", k.kind(), k.questions(),
                        100 * k.top1Rate(), 100 * k.top3Rate(), 100 * k.abstainRate()));
            }
            return sb.toString();
        }

        /** The scores, then every question answered wrongly. */
        public String render() {
            StringBuilder sb = new StringBuilder(table());
            for (Outcome o : outcomes) {
                boolean miss = o.question().offTopic() ? !o.answers().isEmpty() : o.rank() != 1;
                if (miss) {
                    String got = o.answers().isEmpty() ? "(no answer)"
                            : o.answers().get(0).path() + "#" + o.answers().get(0).anchor();
                    sb.append(String.format("  miss [%s] rank=%s %s -> %s%n", o.question().kind(),
                            o.rank() == 0 ? "-" : o.rank(), o.question().text(), got));
                }
            }
            return sb.toString();
        }
    }

    private AskEvaluation() {
    }

    public static List<Question> read(Path file, String defaultKind) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Question> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = mapper.readTree(line);
            List<String> expect = new ArrayList<>();
            node.path("expect").forEach(e -> expect.add(e.asText()));
            out.add(new Question(node.path("kind").asText(defaultKind), node.path("q").asText(), List.copyOf(expect)));
        }
        return out;
    }

    public static Report run(List<Question> questions, Function<String, List<Answer>> ask) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Question q : questions) {
            log.debug("eval kind={} q=\"{}\"", q.kind(), q.text());
            List<Answer> answers = ask.apply(q.text());
            int rank = rankOfExpected(q, answers);
            outcomes.add(new Outcome(q, answers, rank));
            int[] c = counts.computeIfAbsent(q.kind(), k -> new int[4]);
            c[0]++;
            if (rank == 1) {
                c[1]++;
            }
            if (rank >= 1 && rank <= 3) {
                c[2]++;
            }
            if (answers.isEmpty()) {
                c[3]++;
            }
        }
        Map<String, KindScore> byKind = new LinkedHashMap<>();
        counts.forEach((kind, c) -> byKind.put(kind, new KindScore(kind, c[0], c[1], c[2], c[3])));
        return new Report(outcomes, byKind);
    }

    /** 1-based rank of the first answer matching any expected section; 0 when none does. */
    static int rankOfExpected(Question q, List<Answer> answers) {
        for (int i = 0; i < answers.size(); i++) {
            for (String expected : q.expect()) {
                if (matches(expected, answers.get(i))) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    static boolean matches(String expected, Answer a) {
        if (!expected.contains("/") && !expected.contains(".md")) {
            return "guide".equals(a.source()) && expected.equals(a.anchor());
        }
        int hash = expected.indexOf('#');
        String path = hash < 0 ? expected : expected.substring(0, hash);
        return path.equals(a.path()) && (hash < 0 || expected.substring(hash + 1).equals(a.anchor()));
    }
}
