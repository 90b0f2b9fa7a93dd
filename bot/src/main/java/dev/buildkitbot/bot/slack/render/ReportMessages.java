package dev.buildkitbot.bot.slack.render;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.buildkitbot.bot.report.engine.Reply;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Renders the walkthrough's replies for Slack: text and commands as sections, choices as buttons,
 * links as links. A link longer than Block Kit allows (the prefilled issue URL runs to 8,000
 * characters) goes in a message's plain text, which Slack accepts up to 40,000. Files are uploaded
 * separately.
 */
public final class ReportMessages {
    public static final String CHOICE_ACTION_PREFIX = "report_choice_";
    private static final int BUTTONS_PER_ROW = 5;

    /** One Slack message to post, or one file to upload. */
    public sealed interface Part permits Message, Upload {
    }

    public record Message(String text, List<LayoutBlock> blocks) implements Part {
    }

    public record Upload(String name, String content) implements Part {
    }

    private ReportMessages() {
    }

    public static List<Part> render(List<Reply> replies) {
        List<Part> parts = new ArrayList<>();
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder fallback = new StringBuilder();
        for (Reply reply : replies) {
            if (reply instanceof Reply.File f) {
                flush(parts, blocks, fallback);
                parts.add(new Upload(f.name(), f.content()));
            } else if (reply instanceof Reply.Link l && ("<" + l.url() + "|" + l.label() + ">").length() > SlackText.SECTION_MAX) {
                flush(parts, blocks, fallback);
                parts.add(new Message("<" + l.url() + "|" + SlackText.escape(l.label()).replace("|", "¦") + ">", List.of()));
            } else {
                if (blocks.size() >= SlackText.BLOCKS_MAX - 6) {
                    flush(parts, blocks, fallback);
                }
                add(reply, blocks, fallback);
            }
        }
        flush(parts, blocks, fallback);
        return parts;
    }

    private static void add(Reply reply, List<LayoutBlock> blocks, StringBuilder fallback) {
        if (reply instanceof Reply.Text t) {
            blocks.add(section(s -> s.text(markdownText(SlackText.truncate(SlackText.escape(t.text()), SlackText.SECTION_MAX)))));
            fallback.append(t.text()).append('\n');
        } else if (reply instanceof Reply.Code c) {
            String code = SlackText.truncate(SlackText.escape(c.text()), SlackText.SECTION_MAX - 8);
            blocks.add(section(s -> s.text(markdownText("```" + code + "```"))));
        } else if (reply instanceof Reply.Link l) {
            blocks.add(section(s -> s.text(markdownText(SlackText.link(l.url(), l.label())))));
        } else if (reply instanceof Reply.Choices c) {
            blocks.add(section(s -> s.text(markdownText(SlackText.escape(c.prompt())))));
            fallback.append(c.prompt()).append('\n');
            List<BlockElement> row = new ArrayList<>();
            for (int i = 0; i < c.options().size(); i++) {
                Reply.Option o = c.options().get(i);
                int index = i;
                row.add(button(b -> b.actionId(CHOICE_ACTION_PREFIX + index)
                        .text(plainText(SlackText.truncate(o.label(), SlackText.BUTTON_TEXT_MAX))).value(o.id())));
                if (row.size() == BUTTONS_PER_ROW) {
                    List<BlockElement> full = List.copyOf(row);
                    blocks.add(actions(a -> a.elements(full)));
                    row.clear();
                }
            }
            if (!row.isEmpty()) {
                List<BlockElement> rest = List.copyOf(row);
                blocks.add(actions(a -> a.elements(rest)));
            }
        }
    }

    private static void flush(List<Part> parts, List<LayoutBlock> blocks, StringBuilder fallback) {
        if (!blocks.isEmpty()) {
            String text = fallback.isEmpty() ? "buildkit-bot report" : fallback.toString().strip();
            parts.add(new Message(SlackText.truncate(text, SlackText.FALLBACK_MAX), List.copyOf(blocks)));
        }
        blocks.clear();
        fallback.setLength(0);
    }
}
