package dev.buildkitbot.bot.slack.render;

/**
 * Text as Slack must receive it. User text is escaped ({@code &}, {@code <}, {@code >}) so nobody can
 * make the bot post {@code <!channel>} or a disguised link, and every piece is cut to Block Kit's
 * limits with an ellipsis instead of being rejected.
 */
public final class SlackText {
    /** Block Kit: section text. */
    public static final int SECTION_MAX = 3_000;
    /** Block Kit: button text. */
    public static final int BUTTON_TEXT_MAX = 75;
    /** Block Kit: URLs in buttons and links. */
    public static final int URL_MAX = 3_000;
    /** Block Kit: blocks per message. */
    public static final int BLOCKS_MAX = 50;
    /** chat.postMessage's top-level text is truncated past 40,000; we keep the fallback short. */
    public static final int FALLBACK_MAX = 3_000;

    private SlackText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return stripInvisible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Bidi overrides and zero-width characters can make a link or a name read as something else;
     * nothing in an answer needs them.
     */
    static String stripInvisible(String text) {
        return text.replaceAll("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF]", "");
    }

    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }

    /** A link to a URL we built ourselves (GitHub), with user-visible text escaped. */
    public static String link(String url, String label) {
        if (url == null || url.length() > URL_MAX || url.contains("|") || url.contains(">") || !url.startsWith("https://")) {
            return escape(label);
        }
        return "<" + url + "|" + escape(label).replace("|", "¦") + ">";
    }

    /** Removes mentions of the bot from a message so the question is what is left. */
    public static String withoutMentions(String text) {
        return text == null ? "" : text.replaceAll("<@[UW][A-Z0-9]+(\\|[^>]*)?>", " ").strip();
    }

    /** Slack sends text escaped; searching wants the characters the user typed. */
    public static String unescape(String text) {
        return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
