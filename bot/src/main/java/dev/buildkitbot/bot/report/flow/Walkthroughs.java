package dev.buildkitbot.bot.report.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report walkthroughs as written in {@code config/walkthroughs.yml}: problem kinds, ways of
 * running BuildKit, and the steps, each citing the guide anchor it comes from.
 */
public record Walkthroughs(List<Kind> kinds, List<Runtime> runtimes, List<Step> steps) {
    public static final String RESOURCE = "/config/walkthroughs.yml";

    public record Kind(String id, String label, String anchor, List<String> steps) {
        public Kind {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    public record Runtime(String id, String label) {
    }

    /**
     * One command line to show, written either as a plain string or as {@code {run, when, unless}}.
     * {@code {name}} in {@code run} is a fact of the reporter's setup ({@link dev.buildkitbot.bot.report.facts.FactValues});
     * {@code when}/{@code unless} name a fact that must (must not) be known to hold for the line to show.
     */
    public record Command(String run, String when, String unless) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Command of(String run) {
            return new Command(run, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Command(@JsonProperty("run") String run, @JsonProperty("when") String when, @JsonProperty("unless") String unless) {
            this.run = run;
            this.when = when;
            this.unless = unless;
        }
    }

    /** An answer a choice step offers. */
    public record Option(String id, String label) {
    }

    /**
     * @param input     {@code text} (one line), {@code paragraph} (several lines), {@code capture} or {@code choice}
     * @param commands  per runtime id, or under {@code any} for all
     * @param optional  whether the user may skip it
     * @param options   the answers of a {@code choice} step
     */
    public record Step(String id, String anchor, String input, String validator, String prompt,
                       Map<String, List<Command>> commands, @JsonProperty("optional") boolean optional, List<Option> options) {
        public Step {
            commands = commands == null ? Map.of() : Map.copyOf(commands);
            options = options == null ? List.of() : List.copyOf(options);
        }

        public List<Command> commandsFor(String runtime) {
            return commands.getOrDefault(runtime, commands.getOrDefault("any", List.of()));
        }

        public boolean capture() {
            return "capture".equals(input);
        }

        /** Free text that may take several lines (the console reads it up to an empty line). */
        public boolean paragraph() {
            return "paragraph".equals(input);
        }

        public boolean choice() {
            return "choice".equals(input);
        }
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The walkthroughs shipped in the jar. */
    public static Walkthroughs load() {
        try (InputStream in = Walkthroughs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("config/walkthroughs.yml is missing from the jar");
            }
            return yaml().readValue(in, Walkthroughs.class);
        } catch (IOException e) {
            throw new UncheckedIOException("config/walkthroughs.yml is malformed: " + e.getMessage(), e);
        }
    }

    public static Walkthroughs load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return yaml().readValue(in, Walkthroughs.class);
        }
    }

    public Optional<Kind> kind(String id) {
        return kinds.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    public Optional<Runtime> runtime(String id) {
        return runtimes.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Step step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("walkthroughs.yml names an unknown step: " + id));
    }
}
