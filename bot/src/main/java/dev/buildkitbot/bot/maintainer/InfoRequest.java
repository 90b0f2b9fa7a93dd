package dev.buildkitbot.bot.maintainer;

import java.util.ArrayList;
import java.util.List;

/**
 * A maintainer's request for data from one user, carried in the "Start guided capture" button
 * (so nothing needs storing until the user clicks).
 */
public record InfoRequest(String user, String maintainer, String channel, String threadTs, List<RequestItem> items) {
    public InfoRequest {
        items = List.copyOf(items);
    }

    public String encode() {
        return String.join("|", user, maintainer, channel, threadTs == null ? "" : threadTs,
                String.join(",", items.stream().map(i -> i.id).toList()));
    }

    public static InfoRequest decode(String value) {
        String[] parts = value.split("\\|", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("not a request: " + value);
        }
        List<String> unknown = new ArrayList<>();
        List<RequestItem> items = RequestItem.parse(parts[4], unknown);
        if (items.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("bad items in request: " + parts[4]);
        }
        return new InfoRequest(parts[0], parts[1], parts[2], parts[3].isEmpty() ? null : parts[3], items);
    }

    public List<String> steps() {
        return items.stream().map(i -> i.step).toList();
    }

    /** Where the reporter's result is posted back: the thread of the request. */
    public String origin() {
        return channel + "|" + (threadTs == null ? "" : threadTs);
    }
}
