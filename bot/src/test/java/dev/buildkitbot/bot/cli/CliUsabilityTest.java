package dev.buildkitbot.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.buildkitbot.bot.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** What a first-time operator types, and what they must see. */
class CliUsabilityTest {
    @TempDir
    Path dir;

    @Test
    void runTakesDataLikeEveryCommandAndWithoutTokensIsNotHealthy() {
        CliTest.Run r = run("run", "--data", dir.resolve("data").toString());
        assertThat(r.err()).doesNotContain("Unknown option");
        assertThat(r.out()).contains("not connected to Slack");
        assertThat(r.code()).isEqualTo(2);
    }

    @Test
    void runsHelpNamesTheSettingsAndWhereTheTokensComeFrom() {
        CliTest.Run r = run("run", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("SLACK_BOT_TOKEN").contains("SLACK_APP_TOKEN").contains("connections:write")
                .contains("SLACK_SIGNING_SECRET").contains("BUILDKIT_BOT_CHANNELS").contains("Exit codes");
    }

    @Test
    void anEmptyQuestionIsAUsageError() {
        CliTest.Run r = run("ask", "--data", dir.resolve("data").toString(), "  ");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the question is empty");
    }

    @Test
    void askJsonListsTheRelatedIssuesTheConsoleShows() throws Exception {
        String problem = "my build fails with ERROR: failed to compute cache key: \"/app/go.sum\" not found: not found";
        CliTest.Run r = run("ask", "--data", dir.resolve("data").toString(), "--json", problem);
        assertThat(r.code()).isZero();
        JsonNode issues = new ObjectMapper().readTree(r.out()).get("issues");
        assertThat(issues.isArray()).isTrue();
        assertThat(issues).isNotEmpty();
        assertThat(issues.get(0).get("url").asText()).startsWith("https://github.com/");
    }
}
