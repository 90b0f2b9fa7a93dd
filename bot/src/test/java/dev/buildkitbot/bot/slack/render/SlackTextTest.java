package dev.buildkitbot.bot.slack.render;

import dev.buildkitbot.bot.answer.AnswerReply;
import dev.buildkitbot.knowledge.ask.Answer;
import dev.buildkitbot.knowledge.similar.IssueMatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlackTextTest {
    @Test
    void escapesWhatCouldPingOrForgeLinks() {
        assertThat(SlackText.escape("<!channel> & <@U123> <https://evil|github.com>"))
                .isEqualTo("&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|github.com&gt;");
        assertThat(SlackText.escape("a\u202Eb\u200Bc")).isEqualTo("abc");
    }

    @Test
    void truncatesWithAnEllipsisWithoutSplittingSurrogates() {
        assertThat(SlackText.truncate("abcdef", 4)).isEqualTo("abc…");
        String emoji = "ab\uD83D\uDE00cd";
        assertThat(SlackText.truncate(emoji, 4)).isEqualTo("ab…");
    }

    @Test
    void huge_answersStayWithinBlockKitLimits() {
        String huge = "x".repeat(10_000);
        Answer a = new Answer("guide", "moby/buildkit", "a", "p", huge, "https://github.com/x#a", 1, huge);
        IssueMatch m = new IssueMatch("moby/buildkit", 1, huge, "open", "https://github.com/moby/buildkit/issues/1", 1, 1, huge, List.of(), false);
        var msg = AnswerBlocks.answer(new AnswerReply("q", List.of(a, a, a), List.of(m, m, m), "moby/buildkit as of 2026-08-21"));
        assertThat(msg.blocks().size()).isLessThanOrEqualTo(SlackText.BLOCKS_MAX);
        assertThat(msg.text().length()).isLessThanOrEqualTo(SlackText.FALLBACK_MAX);
        msg.blocks().stream().filter(b -> b instanceof com.slack.api.model.block.SectionBlock)
                .map(b -> ((com.slack.api.model.block.SectionBlock) b).getText().getText())
                .forEach(t -> assertThat(t.length()).isLessThanOrEqualTo(SlackText.SECTION_MAX));
    }

    @Test
    void linksOnlyToUrlsWeTrust() {
        assertThat(SlackText.link("javascript:alert(1)", "x")).isEqualTo("x");
        assertThat(SlackText.link("https://github.com/a|b", "x")).isEqualTo("x");
        assertThat(SlackText.link("https://github.com/a", "<b>")).isEqualTo("<https://github.com/a|&lt;b&gt;>");
    }
}
