package dev.buildkitbot.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The maintainer user group is resolved through the Web API (usergroups.list + usergroups.users.list). */
class MaintainerGroupTest {
    @Test
    void resolvesTheGroupByHandle() throws Exception {
        try (FakeSlackApi api = new FakeSlackApi()) {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(api.url());
            Slack slack = Slack.getInstance(config);
            assertThat(SlackApp.groupMembers(slack, SlackAppHarness.BOT_TOKEN, "buildkit-maintainers")).containsExactlyInAnyOrder("U0GROUPIE1", "U0GROUPIE2");
            assertThatThrownBy(() -> SlackApp.groupMembers(slack, SlackAppHarness.BOT_TOKEN, "nope")).hasMessageContaining("no user group with handle nope");
        }
    }

    @Test
    void groupMembersMayUseMaintainerCommands() throws Exception {
        try (SlackAppHarness harness = new SlackAppHarness(Map.of("BUILDKIT_BOT_MAINTAINER_GROUP", "@buildkit-maintainers"))) {
            assertThat(harness.slackApp.services().maintainers().isMaintainer("U0GROUPIE2")).isTrue();
            assertThat(harness.slackApp.services().maintainers().isMaintainer("U0OUTSIDER")).isFalse();
        }
    }
}
