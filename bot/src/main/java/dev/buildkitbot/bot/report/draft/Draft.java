package dev.buildkitbot.bot.report.draft;

import dev.buildkitbot.bot.report.engine.Reply;

import java.util.List;

/**
 * A prefilled GitHub issue.
 *
 * @param url         the "new issue" link, never over {@link IssueDraftBuilder#MAX_URL} characters
 * @param bodyInUrl   false when the templates do not allow prefilling the body: show it for copying
 * @param attachments long captures to attach to the issue by hand
 * @param notes       what the user should know (what was moved to files, what was cut)
 */
public record Draft(String title, String body, String url, boolean bodyInUrl, List<Reply.File> attachments, List<String> notes) {
    public Draft {
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
    }
}
