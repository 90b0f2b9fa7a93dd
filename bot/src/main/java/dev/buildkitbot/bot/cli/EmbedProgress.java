package dev.buildkitbot.bot.cli;

import dev.buildkitbot.knowledge.Knowledge;

import java.io.PrintWriter;

/** Gives issues without a vector theirs, telling the terminal how far it has got (import, sync). */
final class EmbedProgress {
    static final int BATCH = 256;

    private EmbedProgress() {
    }

    static void embedMissing(Knowledge knowledge, PrintWriter out) {
        int missing = knowledge.issuesWithoutVectors();
        if (missing == 0) {
            return;
        }
        out.printf("searchable by words now; computing vectors of %d issues for search by meaning…%n", missing);
        out.flush();
        long start = System.nanoTime();
        int done = knowledge.embedMissingIssueVectors(BATCH, (n, total) -> {
            out.printf("  vectors: %d/%d%n", n, total);
            out.flush();
        });
        if (done == 0 && knowledge.embedder().await().isEmpty()) {
            out.println("the embedding model is not available here; search stays by words");
        } else {
            out.printf("vectors of %d issues in %d ms%n", done, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
