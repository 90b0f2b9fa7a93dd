package dev.buildkitbot.knowledge;

/** A problem the user can act on (bad data dir, unreadable file): its message is shown as is. */
public class KnowledgeException extends RuntimeException {
    public KnowledgeException(String message) {
        super(message);
    }

    public KnowledgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
