package dev.buildkitbot.bot.report;

import dev.buildkitbot.bot.report.draft.IssueDraftBuilder;
import dev.buildkitbot.bot.report.draft.IssueTemplates;
import dev.buildkitbot.bot.report.engine.Input;
import dev.buildkitbot.bot.report.engine.ReportEngine;
import dev.buildkitbot.bot.report.engine.Session;
import dev.buildkitbot.bot.report.flow.Walkthroughs;
import dev.buildkitbot.bot.report.session.SessionStore;
import dev.buildkitbot.knowledge.source.ShippedKnowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing disk when saving a step: the user is told, the previous step stands, and it works again once the disk does. */
class ReportsStorageFailureTest {
    @TempDir
    Path dir;

    @Test
    void aWriteFailureKeepsThePreviousStateAndSaysSo() throws Exception {
        Walkthroughs flows = Walkthroughs.load();
        ReportEngine engine = new ReportEngine(flows, text -> List.of(),
                new IssueDraftBuilder(flows, IssueTemplates.from(ShippedKnowledge.load(), "moby/buildkit"), "moby/buildkit"));
        Path sessions = dir.resolve("sessions");
        Reports reports = new Reports(engine, new SessionStore(sessions, Duration.ofDays(7), Clock.systemUTC()), Clock.systemUTC());
        reports.command("u", "");
        reports.input("u", new Input.Choice("hang"));

        // Simulate a full disk: the sessions directory can no longer take the temp file.
        Path moved = dir.resolve("sessions-ok");
        Files.move(sessions, moved);
        Files.writeString(sessions, "not a directory");
        var failed = reports.input("u", new Input.Choice("docker")).orElseThrow();
        assertThat(failed.replies().toString()).contains("couldn't save that step");
        assertThat(failed.session().phase()).isEqualTo(Session.Phase.RUNTIME);

        Files.delete(sessions);
        Files.move(moved, sessions);
        var retried = reports.input("u", new Input.Choice("docker")).orElseThrow();
        assertThat(retried.session().currentStep()).isEqualTo("summary");
    }
}
