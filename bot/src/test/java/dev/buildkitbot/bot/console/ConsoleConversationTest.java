package dev.buildkitbot.bot.console;

import dev.buildkitbot.bot.answer.AnswerComposer;
import dev.buildkitbot.bot.report.Reports;
import dev.buildkitbot.bot.report.Samples;
import dev.buildkitbot.bot.report.engine.Session;
import dev.buildkitbot.knowledge.Knowledge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The console driven by piped stdin, end to end, including a restart in the middle of a walkthrough. */
class ConsoleConversationTest {
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

    static String run(String owner, String stdin) throws Exception {
        StringWriter out = new StringWriter();
        new ConsoleConversation(Reports.create(knowledge, Clock.systemUTC()), new AnswerComposer(knowledge), owner,
                data.resolve("reports"), new BufferedReader(new StringReader(stdin)), new PrintWriter(out, true)).run();
        return out.toString();
    }

    @Test
    void aScriptedWalkthroughEndsWithTheLinkAloneOnItsLine() throws Exception {
        Path dump = Files.writeString(data.resolve("goroutines.txt"), Samples.dump(25));
        String out = run("console-a", String.join("\n",
                "how do I send SIGQUIT to buildkitd?",
                "/buildkit-report",
                "1",
                "buildkitd",
                "buildkitd hangs forever while exporting to the registry",
                "skip",
                "buildctl github.com/moby/buildkit v0.16.0 abc",
                "buildkitd github.com/moby/buildkit v0.16.0 abc",
                ".",
                "still",
                "/attach " + dump,
                "docker buildx build --push -t registry.example.com/app .",
                "FROM alpine",
                "RUN echo hi",
                ".",
                "none",
                ""));

        assertThat(out).contains("#reporting-deadlock").contains("[hang] Build hangs / deadlock").contains("25 goroutines")
                .contains("the latest release is v0.33.0").contains("Noted: Still happens on v0.33.0")
                .contains("(docs: ").contains("issues: docker/buildx as of")
                // The shipped issues answer the duplicate check on a fresh data dir.
                .contains("Before drafting: is one of these existing issues yours? (issues: docker/buildx as of 2026-09-17");
        String linkLine = out.lines().filter(l -> l.startsWith("https://github.com/moby/buildkit/issues/new?")).findFirst().orElseThrow();
        assertThat(linkLine).doesNotContain(" ");
        assertThat(out).contains("Saved").contains("goroutines.txt");
    }

    @Test
    void aRestartMidWalkthroughResumesAtTheSameStepWithCapturesIntact() throws Exception {
        run("console-b", "/buildkit-report\nhang\ndocker\ndocker build hangs at the export step\nskip\n");
        String resumed = run("console-b", "Client:\n Version:           27.3.1\n.\n");

        assertThat(resumed).contains("You have a report in progress").contains("Picking up where we left off")
                .contains("Found: Docker Engine 27.3.1").contains("Step 4 of 5");
        assertThat(Reports.create(knowledge, Clock.systemUTC()).active("console-b").orElseThrow().captures())
                .containsKeys("summary", "versions");
    }

    @Test
    void unknownInputsAndMissingFilesGetClearAnswers() throws Exception {
        String out = run("console-c", "/attach /nope\n/buildkit-report\n/attach /definitely/not/here.txt\nbanana\n/buildkit-report cancel\n/buildkit-report help\n");
        assertThat(out).contains("There is no report in progress").contains("Cannot read /definitely/not/here.txt")
                .contains("isn't one of the choices").contains("Cancelled").contains("/buildkit-report new");
    }

    @Test
    void aParagraphStepTakesSeveralLinesUpToAnEmptyLine() throws Exception {
        run("console-d", String.join("\n",
                "/buildkit-report", "crash", "docker",
                "docker build fails with a panic in the solver",
                "The build panics at the export step.",
                "I expected it to push the image.",
                "",
                ""));
        Session session = Reports.create(knowledge, Clock.systemUTC()).active("console-d").orElseThrow();
        // Both lines are the answer to "what happened"; the versions step has not started.
        assertThat(session.captures().get("expected").text()).isEqualTo("The build panics at the export step.\nI expected it to push the image.");
        assertThat(session.captures()).doesNotContainKey("versions");
        assertThat(session.currentStep()).isEqualTo("versions");
    }

    @Test
    void stepCommandsAtAPasteStepAreCommandsAndAHalfPasteIsNotSubmitted() throws Exception {
        String out = run("console-e", String.join("\n",
                "/buildkit-report", "hang", "docker",
                "docker build hangs at the export step",
                "skip",
                "help",
                "Client:",
                " Version:           27.3.1"));
        assertThat(out).contains("`back` returns to the previous step")
                .contains("The input ended before the \".\" line").contains("Your report is saved where you left it");
        Session session = Reports.create(knowledge, Clock.systemUTC()).active("console-e").orElseThrow();
        assertThat(session.captures()).doesNotContainKey("versions");
        assertThat(session.currentStep()).isEqualTo("versions");
    }

    @Test
    void keyboardMashIsNotASummaryButRealWordsAre() {
        // The vocabulary is what the shipped docs and issues say.
        assertThat(knowledge.knownWords("asdfgh qwerty zxcv")).isZero();
        assertThat(knowledge.knownWords("buildkitd hangs while exporting the cache")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theWalkthroughRejectsKeyboardMashAsTheTitle() throws Exception {
        String out = run("console-f", "/buildkit-report\nhang\ndocker\nasdfgh qwerty zxcv\n");
        assertThat(out).contains("None of those words appear in BuildKit's docs or issues");
        assertThat(Reports.create(knowledge, Clock.systemUTC()).active("console-f").orElseThrow().captures()).doesNotContainKey("summary");
    }
}
