package dev.buildkitbot.bot.slack.render;

import com.slack.api.model.block.LayoutBlock;
import dev.buildkitbot.bot.answer.AnswerReply;
import dev.buildkitbot.knowledge.ask.Answer;
import dev.buildkitbot.knowledge.similar.IssueMatch;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** Renders answers and hints as Block Kit, within Slack's limits. */
public final class AnswerBlocks {
    public static final String NOT_HELPFUL_ACTION = "hint_not_helpful";
    public static final String START_REPORT_ACTION = "start_report";

    /** A rendered message: blocks plus the plain text Slack shows in notifications. */
    public record Message(String text, List<LayoutBlock> blocks) {
    }

    private AnswerBlocks() {
    }

    public static Message answer(AnswerReply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String fallback;
        if (reply.abstained()) {
            fallback = "I couldn't find this in the BuildKit issue reporting guide or the docs.";
            blocks.add(section(s -> s.text(markdownText(fallback
                    + " If something is broken, `/buildkit-report` walks you through a report step by step."))));
        } else {
            Answer top = reply.answers().get(0);
            fallback = "From " + origin(top) + ": " + top.title();
            blocks.add(section(s -> s.text(markdownText(SlackText.truncate("*" + SlackText.link(top.url(), top.title()) + "*  _"
                    + SlackText.escape(origin(top)) + "_\n>" + SlackText.escape(top.snippet()), SlackText.SECTION_MAX)))));
            if (reply.answers().size() > 1) {
                StringBuilder more = new StringBuilder("See also:");
                for (Answer a : reply.answers().subList(1, Math.min(3, reply.answers().size()))) {
                    more.append("\n• ").append(SlackText.link(a.url(), a.title())).append("  _").append(SlackText.escape(origin(a))).append('_');
                }
                blocks.add(section(s -> s.text(markdownText(SlackText.truncate(more.toString(), SlackText.SECTION_MAX)))));
            }
        }
        if (!reply.related().isEmpty()) {
            blocks.add(divider());
            StringBuilder issues = new StringBuilder("*Related issues*");
            for (IssueMatch m : reply.related()) {
                issues.append("\n• ").append(issueLine(m));
            }
            blocks.add(section(s -> s.text(markdownText(SlackText.truncate(issues.toString(), SlackText.SECTION_MAX)))));
        }
        blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(START_REPORT_ACTION)
                .text(plainText("Start a report")).value("start"))))));
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "From the BuildKit issue reporting guide, the BuildKit/Buildx docs and their GitHub issues (" + SlackText.escape(reply.freshness())
                        + "). I can be wrong: check the link.")))));
        return new Message(SlackText.truncate(fallback, SlackText.FALLBACK_MAX), cap(blocks));
    }

    /** The passive hint under a channel message: the likely existing issue, and how to follow up. */
    public static Message hint(IssueMatch match, Answer guide) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String fallback = "This may already be tracked in " + match.reference() + ": " + match.title();
        blocks.add(section(s -> s.text(markdownText(SlackText.truncate("This may already be tracked in "
                + issueLine(match), SlackText.SECTION_MAX)))));
        if (guide != null) {
            blocks.add(section(s -> s.text(markdownText(SlackText.truncate("If it is not, the guide says what to collect: "
                    + SlackText.link(guide.url(), guide.title()), SlackText.SECTION_MAX)))));
        }
        blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(NOT_HELPFUL_ACTION)
                .text(plainText("Not helpful")).value(match.reference()))))));
        return new Message(SlackText.truncate(fallback, SlackText.FALLBACK_MAX), cap(blocks));
    }

    static String issueLine(IssueMatch m) {
        String line = SlackText.link(m.url(), m.reference()) + " " + SlackText.escape(m.title()) + " (" + m.state() + ")";
        if (m.why() != null && !m.why().isBlank()) {
            line += " — _" + SlackText.escape(SlackText.truncate(m.why(), 200)) + "_";
        }
        return line;
    }

    private static String origin(Answer a) {
        return "guide".equals(a.source()) ? "issue reporting guide" : a.repo() + " " + a.path();
    }

    private static List<LayoutBlock> cap(List<LayoutBlock> blocks) {
        return blocks.size() <= SlackText.BLOCKS_MAX ? blocks : blocks.subList(0, SlackText.BLOCKS_MAX);
    }
}
