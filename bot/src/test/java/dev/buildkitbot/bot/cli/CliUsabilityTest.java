package dev.buildkitbot.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private CliTest.Run runAgainst(String apiUrl) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_SIGNING_SECRET", "test-secret",
                "SLACK_API_URL", apiUrl, "BUILDKIT_BOT_DATA", dir.resolve("data").toString(), "BUILDKIT_BOT_VECTORS", "off");
        int code = Main.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), "run");
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void runSaysWhenSlacksApiCannotBeReached() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String api = "http://127.0.0.1:" + port + "/api/";
        CliTest.Run r = runAgainst(api);
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).contains("cannot reach Slack's API at " + api).doesNotContain("token is invalid").doesNotContain("\tat ");
    }

    @Test
    void runSaysWhenSlackRefusesTheToken() throws Exception {
        HttpServer slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/api/auth.test", exchange -> {
            byte[] body = "{\"ok\":false,\"error\":\"invalid_auth\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slack.start();
        try {
            CliTest.Run r = runAgainst("http://127.0.0.1:" + slack.getAddress().getPort() + "/api/");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("Slack refused SLACK_BOT_TOKEN (invalid_auth)").doesNotContain("xoxb-test-token");
        } finally {
            slack.stop(0);
        }
    }

    @Test
    void similarListsItsMatchesMostConfidentFirst() {
        CliTest.Run r = run("similar", "--data", dir.resolve("data").toString(), "--limit", "10",
                "buildkitd hangs forever while exporting cache to the registry");
        List<Double> confidences = new ArrayList<>();
        Matcher m = Pattern.compile("conf=(\\d\\.\\d\\d)").matcher(r.out());
        while (m.find()) {
            confidences.add(Double.parseDouble(m.group(1)));
        }
        assertThat(confidences).hasSizeGreaterThan(2);
        assertThat(confidences).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
