package dev.buildkitbot.bot.report;

/** Realistic captures for tests. */
public final class Samples {
    private Samples() {
    }

    /** A goroutine dump of {@code goroutines} complete blocks. */
    public static String dump(int goroutines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= goroutines; i++) {
            sb.append("goroutine ").append(i).append(" [select, 5 minutes]:\n")
                    .append("github.com/moby/buildkit/solver.(*scheduler).loop(0xc000123)\n")
                    .append("\t/src/solver/scheduler.go:97 +0x1a5\n")
                    .append("created by github.com/moby/buildkit/solver.newScheduler\n")
                    .append("\t/src/solver/scheduler.go:35 +0x1ab\n\n");
        }
        return sb.toString();
    }
}
