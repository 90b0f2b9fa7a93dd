package dev.buildkitbot.bot.report.facts;

import dev.buildkitbot.bot.report.flow.Walkthroughs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a step's command lines into what the reporter runs: lines whose condition does not hold are
 * left out, {@code {placeholders}} are filled from the facts. A placeholder whose fact is unknown
 * is never shown: the caller asks for the fact first.
 */
public final class CommandRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

    /**
     * @param lines   the lines to show, when every fact they need is known
     * @param missing the fact to ask for first, or null
     */
    public record Rendered(List<String> lines, String missing) {
        public Rendered {
            lines = List.copyOf(lines);
        }
    }

    private CommandRenderer() {
    }

    public static Rendered render(List<Walkthroughs.Command> commands, FactValues values) {
        List<String> lines = new ArrayList<>();
        for (Walkthroughs.Command c : commands) {
            if (c.when() != null && !values.holds(c.when()) || c.unless() != null && values.holds(c.unless())) {
                continue;
            }
            Filled filled = tryFill(c.run(), values);
            if (filled.missing != null) {
                String ask = FactValues.askableFor(filled.missing);
                if (ask == null) {
                    throw new IllegalStateException("walkthroughs.yml: {" + filled.missing + "} is used where it cannot be known: " + c.run());
                }
                return new Rendered(List.of(), ask);
            }
            lines.add(filled.text);
        }
        return new Rendered(lines, null);
    }

    /** {@code text} with its placeholders filled; unknown facts make it fail with the placeholder's name. */
    public static String fill(String text, FactValues values) {
        Filled filled = tryFill(text, values);
        if (filled.missing != null) {
            throw new IllegalStateException("{" + filled.missing + "} is not known");
        }
        return filled.text;
    }

    private static Filled tryFill(String text, FactValues values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            var value = values.value(name);
            if (value.isEmpty()) {
                return new Filled(null, name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
        }
        m.appendTail(out);
        return new Filled(out.toString(), null);
    }

    private record Filled(String text, String missing) {
    }
}
