package dev.buildkitbot.knowledge.sync;

/** A sync that stopped early; what was committed before stays, nothing half-written does. */
public class SyncException extends Exception {
    public SyncException(String message) {
        super(message);
    }
}
