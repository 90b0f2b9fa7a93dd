package dev.buildkitbot.bot.settings;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    static final String BOT = "xoxb-1234-5678-abcdefgh";

    @Test
    void noTokensMeansNotConfiguredWithDefaults() {
        Settings s = Settings.load(Map.of());
        assertThat(s.mode()).isEqualTo(Settings.Mode.NOT_CONFIGURED);
        assertThat(s.port()).isEqualTo(3000);
        assertThat(s.apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(s.syncInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.syncRepos()).containsExactly("moby/buildkit", "docker/buildx");
    }

    @Test
    void modesFollowTheTokens() {
        assertThat(Settings.load(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "s")).mode()).isEqualTo(Settings.Mode.HTTP);
        assertThat(Settings.load(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xapp-1-A-1-abc")).mode()).isEqualTo(Settings.Mode.SOCKET);
    }

    @Test
    void eachProblemNamesItsVariable() {
        assertThatThrownBy(() -> Settings.load(Map.of("SLACK_BOT_TOKEN", "xoxp-user", "SLACK_SIGNING_SECRET", "s")))
                .hasMessageStartingWith("SLACK_BOT_TOKEN");
        assertThatThrownBy(() -> Settings.load(Map.of("SLACK_BOT_TOKEN", BOT))).hasMessageStartingWith("SLACK_SIGNING_SECRET");
        assertThatThrownBy(() -> Settings.load(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "nope"))).hasMessageStartingWith("SLACK_APP_TOKEN");
        assertThatThrownBy(() -> Settings.load(Map.of("SLACK_SIGNING_SECRET", "s"))).hasMessageStartingWith("SLACK_BOT_TOKEN");
        assertThatThrownBy(() -> Settings.load(Map.of("PORT", "http"))).hasMessageStartingWith("PORT");
        assertThatThrownBy(() -> Settings.load(Map.of("PORT", "70000"))).hasMessageStartingWith("PORT");
        assertThatThrownBy(() -> Settings.load(Map.of("SLACK_API_URL", "ftp://x"))).hasMessageStartingWith("SLACK_API_URL");
        assertThatThrownBy(() -> Settings.load(Map.of("BUILDKIT_BOT_CHANNELS", "#buildkit"))).hasMessageStartingWith("BUILDKIT_BOT_CHANNELS");
        assertThatThrownBy(() -> Settings.load(Map.of("BUILDKIT_BOT_MAINTAINERS", "alice"))).hasMessageStartingWith("BUILDKIT_BOT_MAINTAINERS");
        assertThatThrownBy(() -> Settings.load(Map.of("BUILDKIT_BOT_VECTORS", "maybe"))).hasMessageStartingWith("BUILDKIT_BOT_VECTORS");
    }

    @Test
    void meaningSearchIsOnUnlessTurnedOff() {
        assertThat(Settings.load(Map.of()).vectors()).isTrue();
        assertThat(Settings.load(Map.of()).knowledgeOptions().vectors()).isTrue();
        Settings off = Settings.load(Map.of("BUILDKIT_BOT_VECTORS", "off"));
        assertThat(off.vectors()).isFalse();
        assertThat(off.knowledgeOptions().vectors()).isFalse();
        assertThat(off.toString()).contains("vectors=off");
    }

    @Test
    void listsAndUrlsAreNormalisedAndSecretsNeverPrinted() {
        Settings s = Settings.load(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "topsecret", "SLACK_API_URL", "http://127.0.0.1:9/api",
                "BUILDKIT_BOT_CHANNELS", "C0123ABCD, C0456EFGH", "BUILDKIT_BOT_MAINTAINERS", "U0123ABCD", "GITHUB_TOKEN", "ghp_secret"));
        assertThat(s.apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
        assertThat(s.channels()).containsExactlyInAnyOrder("C0123ABCD", "C0456EFGH");
        assertThat(s.maintainers()).containsExactly("U0123ABCD");
        assertThat(s.toString()).doesNotContain(BOT).doesNotContain("topsecret").doesNotContain("ghp_secret");
    }
}
