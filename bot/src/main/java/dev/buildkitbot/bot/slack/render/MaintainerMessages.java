package dev.buildkitbot.bot.slack.render;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.buildkitbot.bot.maintainer.InfoRequest;
import dev.buildkitbot.bot.maintainer.RequestItem;
import dev.buildkitbot.bot.report.engine.Capture;
import dev.buildkitbot.bot.report.engine.ReportEngine;
import dev.buildkitbot.bot.report.engine.Session;
import dev.buildkitbot.knowledge.similar.IssueMatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** What the maintainer tools show: the request modal, the request in the thread, the follow-up, the issue card. */
public final class MaintainerMessages {
    public static final String MODAL_CALLBACK = "ask_for_more_info_modal";
    public static final String ITEMS_BLOCK = "items";
    public static final String ITEMS_ACTION = "items_selected";
    public static final String NOTE_BLOCK = "note";
    public static final String NOTE_ACTION = "note_text";
    public static final String START_CAPTURE_ACTION = "start_capture";

    private MaintainerMessages() {
    }

    /** The modal of the "Ask for more info" shortcut; {@code metadata} carries channel|ts|author. */
    public static View modal(String metadata) {
        List<OptionObject> options = Arrays.stream(RequestItem.values())
                .map(i -> option(plainText(i.label), i.id)).toList();
        return view(v -> v.type("modal").callbackId(MODAL_CALLBACK).privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text("Ask for more info")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Ask")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(ITEMS_BLOCK).label(plainText("What is missing?"))
                                .element(checkboxes(c -> c.actionId(ITEMS_ACTION).options(options)))),
                        input(i -> i.blockId(NOTE_BLOCK).optional(true).label(plainText("A note for them (optional)"))
                                .element(plainTextInput(p -> p.actionId(NOTE_ACTION).multiline(true).maxLength(1_000)))))));
    }

    /** The request posted in the thread: one short item per request, and the button only the user may use. */
    public static AnswerBlocks.Message request(InfoRequest request, String note) {
        StringBuilder sb = new StringBuilder("<@" + request.user() + "> to look into this, the maintainers need:");
        for (RequestItem item : request.items()) {
            sb.append("\n• *").append(item.label).append("*: ").append(item.why).append(" (")
                    .append(SlackText.link(ReportEngine.GUIDE_URL + "#" + item.anchor, "guide")).append(')');
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(SlackText.truncate(sb.toString(), SlackText.SECTION_MAX)))));
        if (note != null && !note.isBlank()) {
            blocks.add(section(s -> s.text(markdownText(SlackText.truncate("> " + SlackText.escape(note.strip()).replace("\n", "\n> "), SlackText.SECTION_MAX)))));
        }
        blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(START_CAPTURE_ACTION).style("primary")
                .text(plainText("Start guided capture")).value(request.encode()))))));
        blocks.add(context(c -> c.elements(List.of(markdownText("Asked by <@" + request.maintainer() + ">. The capture runs in a DM with you; the result comes back here.")))));
        return new AnswerBlocks.Message("The maintainers need more information to look into this.", blocks);
    }

    /** What the reporter gave, posted back in the thread for the maintainer who asked. */
    public static AnswerBlocks.Message followUp(Session session) {
        String user = session.owner().replaceFirst("^slack-", "");
        StringBuilder sb = new StringBuilder();
        sb.append("<@").append(session.requestedBy()).append("> ");
        if (session.phase() == Session.Phase.CANCELLED) {
            sb.append("<@").append(user).append("> stopped the guided capture");
            sb.append(session.captures().isEmpty() ? " before sending anything." : " after sending:");
        } else {
            sb.append("<@").append(user).append("> sent what was asked for:");
        }
        session.captures().forEach((step, capture) -> sb.append("\n• ").append(SlackText.escape(step)).append(": ").append(describe(capture)));
        if (session.draftUrl() != null) {
            sb.append("\nDraft issue: ").append(SlackText.link(session.draftUrl(), "prefilled link"));
        }
        if (session.chosenIssue() != null) {
            sb.append("\nThey say it is ").append(SlackText.escape(session.chosenIssue()));
        }
        return new AnswerBlocks.Message("Guided capture result", List.of(section(s -> s.text(markdownText(SlackText.truncate(sb.toString(), SlackText.SECTION_MAX))))));
    }

    private static String describe(Capture capture) {
        String size = capture.text().lines().count() + " lines";
        String extra = capture.note() != null ? " — " + SlackText.escape(SlackText.truncate(capture.note(), 120)) : "";
        String redacted = capture.redactions().isEmpty() ? "" : " (secrets removed)";
        return size + redacted + extra + " (attached below)";
    }

    /** A compact card of an issue, so a thread and the issue point at each other. */
    public static AnswerBlocks.Message card(IssueMatch issue) {
        String labels = issue.labels().isEmpty() ? "" : "  ·  " + SlackText.escape(String.join(", ", issue.labels()));
        String text = "*" + SlackText.link(issue.url(), issue.reference()) + "* " + SlackText.escape(issue.title())
                + "\n" + (issue.pullRequest() ? "pull request, " : "") + issue.state() + labels;
        return new AnswerBlocks.Message(issue.reference() + " " + issue.title(),
                List.of(section(s -> s.text(markdownText(SlackText.truncate(text, SlackText.SECTION_MAX))))));
    }
}
