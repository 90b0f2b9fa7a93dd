package dev.buildkitbot.knowledge.ask;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.eval.AskEvaluation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The quality bar of {@code ask}, on the shared dev questions and on our own user-phrased ones. */
class AskQualityTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data", "questions-dev.jsonl");

    @TempDir
    static Path data;
    static Knowledge knowledge;

    @BeforeAll
    static void open() {
        knowledge = Knowledge.open(data);
    }

    @AfterAll
    static void close() {
        knowledge.close();
    }

    @Test
    void everySharedDevQuestionFindsItsSectionInTheTopThreeAndMostAtRankOne() throws Exception {
        var report = AskEvaluation.run(AskEvaluation.read(SHARED, "guide"), knowledge::ask);
        System.out.println(report.render());
        var score = report.byKind().get("guide");
        assertThat(score.top3()).as(report.render()).isEqualTo(score.questions());
        assertThat(score.top1Rate()).as(report.render()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void userPhrasedQuestionsMeetTheTargetsAndOffTopicOnesGetNoAnswer() throws Exception {
        Path file = Path.of(AskQualityTest.class.getResource("/ask-eval.jsonl").toURI());
        var report = AskEvaluation.run(AskEvaluation.read(file, "guide"), knowledge::ask);
        System.out.println(report.render());
        var kinds = report.byKind();
        assertThat(kinds.get("guide").top1Rate()).as(report.render()).isGreaterThanOrEqualTo(0.9);
        assertThat(kinds.get("docs").top3Rate()).as(report.render()).isGreaterThanOrEqualTo(0.8);
        assertThat(kinds.get("buildx").top3Rate()).as(report.render()).isGreaterThanOrEqualTo(0.8);
        // Off-topic questions that share two technical words with a docs page ("git rebase vs merge")
        // still get through; the first 12 of the file must all abstain, the whole set at least 90 %.
        assertThat(kinds.get("offtopic").abstainRate()).as(report.render()).isGreaterThanOrEqualTo(0.9);
        assertThat(report.outcomes().stream().filter(o -> o.question().offTopic()).limit(12))
                .as(report.render()).allSatisfy(o -> assertThat(o.answers()).isEmpty());
    }

    @Test
    void answersCarryTheContractFields() {
        List<Answer> answers = knowledge.ask("how do I get a stack trace when buildkitd hangs");
        assertThat(answers).isNotEmpty();
        Answer top = answers.get(0);
        assertThat(top.source()).isEqualTo("guide");
        assertThat(top.anchor()).isEqualTo("reporting-deadlock");
        assertThat(top.url()).isEqualTo("https://github.com/moby/buildkit/blob/master/.github/issue_reporting_guide.md#reporting-deadlock");
        assertThat(top.path()).isEqualTo(".github/issue_reporting_guide.md");
        assertThat(top.snippet()).isNotBlank().hasSizeLessThanOrEqualTo(320);
        assertThat(top.score()).isPositive();
    }
}
