package dev.buildkitbot.bot.report.capture;

/**
 * What a validator says of a capture.
 *
 * @param status  OK (take it), WARN (take it, but tell the user something), REJECT (ask again or skip)
 * @param message what the user sees
 */
public record Verdict(Status status, String message) {
    public enum Status { OK, WARN, REJECT }

    public static Verdict ok(String message) {
        return new Verdict(Status.OK, message);
    }

    public static Verdict warn(String message) {
        return new Verdict(Status.WARN, message);
    }

    public static Verdict reject(String message) {
        return new Verdict(Status.REJECT, message);
    }

    public boolean accepted() {
        return status != Status.REJECT;
    }
}
