package dev.buildkitbot.bot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * One auth.test before the app starts, so that an operator reads what failed (Slack's API cannot be
 * reached at that URL, or Slack refused the token) instead of Bolt's "The token is invalid" and a
 * stack trace, which it says for both.
 */
public final class SlackReachability {
    /** What stopped the start, in one sentence for the operator. */
    public sealed interface Problem {
        String message();
    }

    /** The API did not answer: DNS, network, proxy, or an HTTP error in front of it. */
    public record Unreachable(String message) implements Problem {
    }

    /** The API answered and refused the token. */
    public record Refused(String message) implements Problem {
    }

    private SlackReachability() {
    }

    public static Optional<Problem> check(Slack slack, String apiUrl, String botToken) {
        try {
            AuthTestResponse response = slack.methods(botToken).authTest(r -> r);
            if (response.isOk()) {
                return Optional.empty();
            }
            return Optional.of(new Refused("Slack refused SLACK_BOT_TOKEN (" + response.getError()
                    + "): use the app's Bot User OAuth Token (xoxb-…) from \"OAuth & Permissions\", after installing the app."));
        } catch (IOException e) {
            return Optional.of(new Unreachable("cannot reach Slack's API at " + apiUrl + " (" + describe(e) + ")"));
        } catch (SlackApiException e) {
            return Optional.of(new Unreachable("Slack's API at " + apiUrl + " answered HTTP " + e.getResponse().code()
                    + " to auth.test"));
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
