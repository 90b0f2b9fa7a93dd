package dev.buildkitbot.bot.cli;

import dev.buildkitbot.knowledge.KnowledgeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Expected problems print one line and exit 2; anything else is a bug and is logged with its trace. */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(UserErrors.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof KnowledgeException || e instanceof UserException) {
            cli.getErr().println("error: " + e.getMessage());
            return 2;
        }
        log.error("unexpected failure in {}", cli.getCommandName(), e);
        cli.getErr().println("error: unexpected failure: " + e);
        return 1;
    }
}
