package dev.buildkitbot.bot.cli;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.SearchMode;
import dev.buildkitbot.knowledge.embed.Embedder;
import dev.buildkitbot.knowledge.embed.EmbeddingTexts;
import dev.buildkitbot.knowledge.eval.AskEvaluation;
import dev.buildkitbot.knowledge.eval.SyntheticIssues;
import dev.buildkitbot.knowledge.issues.IssueFileReader;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.TitleScanBaseline;
import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** Prints the figures in BENCHMARKS.md: index build, ask and similar latency, import at scale. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark index build, ask and similar (numbers for BENCHMARKS.md). Uses a temporary data dir.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "questions JSON lines ({\"q\":…})")
    Path questions;

    @Option(names = "--issues", required = true, paramLabel = "FILE", description = "real issues to import and vary (repeatable)")
    List<Path> issueFiles;

    @Option(names = "--scale", defaultValue = "10000", description = "synthetic issues for the scale run (default: ${DEFAULT-VALUE})")
    int scale;

    @Option(names = "--rounds", defaultValue = "20", description = "timed rounds over the queries (default: ${DEFAULT-VALUE})")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> qs = AskEvaluation.read(questions, "guide").stream().map(AskEvaluation.Question::text).toList();
        List<IssueRecord> real = new ArrayList<>();
        for (Path f : issueFiles) {
            real.addAll(IssueFileReader.read(f, null).issues());
        }
        Path dir = Files.createTempDirectory("buildkit-bot-bench");
        try {
            long t0 = System.nanoTime();
            try (Knowledge k = Knowledge.open(dir, Knowledge.Options.defaults().withoutShippedIssues())) {
                out.printf("index build (guide+docs with their shipped vectors, fresh data dir): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                long tm = System.nanoTime();
                Embedder model = k.embedder().await().orElse(null);
                out.printf("embedding model ready %d ms after that (loads in the background while the index opens)%n",
                        (System.nanoTime() - tm) / 1_000_000);
                for (SearchMode mode : SearchMode.values()) {
                    out.printf("ask %s, %d questions x %d rounds, uncached: %s%n", mode, qs.size(), rounds,
                            time(qs, q -> k.ask(q, mode), k, rounds, true));
                }
                out.printf("ask, cached: %s%n", time(qs, q -> k.ask(q), k, rounds, false));
                List<IssueRecord> synthetic = SyntheticIssues.generate(real, scale, 42);
                long t1 = System.nanoTime();
                k.upsertIssues(real);
                k.upsertIssues(synthetic);
                out.printf("import %d issues (%d real + %d synthetic), searchable by words: %d ms%n", real.size() + synthetic.size(), real.size(),
                        synthetic.size(), (System.nanoTime() - t1) / 1_000_000);
                int missing = k.issuesWithoutVectors();
                long t2 = System.nanoTime();
                int embedded = k.embedMissingIssueVectors(256, (done, total) -> { });
                long embedMs = (System.nanoTime() - t2) / 1_000_000;
                out.printf("vectors for %d issues the build had not embedded (of %d waiting): %d ms, %.0f issues/s%n", embedded, missing,
                        embedMs, embedded * 1000.0 / Math.max(1, embedMs));
                out.printf("index size on disk: %.1f MB%n", k.index().sizeOnDisk() / 1e6);
                List<String> probes = real.stream().filter(i -> !i.pullRequest()).limit(200)
                        .map(i -> i.title() + "\n" + (i.body().length() > 1500 ? i.body().substring(0, 1500) : i.body())).toList();
                List<String> titles = real.stream().filter(i -> !i.pullRequest()).limit(200).map(IssueRecord::title).toList();
                int r4 = Math.max(1, rounds / 4);
                if (model != null) {
                    out.printf("query embedding alone, %d reports x %d rounds: %s%n", probes.size(), r4,
                            time(probes, q -> model.embed(EmbeddingTexts.description(q)), k, r4, false));
                }
                for (SearchMode mode : SearchMode.values()) {
                    out.printf("similar %s, %d reports x %d rounds, uncached: %s%n", mode, probes.size(), r4,
                            time(probes, q -> k.similar(q, DuplicateFinder.Options.top(5).with(mode)), k, r4, true));
                    out.printf("similar %s, %d titles (a one-line channel message) x %d rounds, uncached: %s%n", mode, titles.size(), r4,
                            time(titles, q -> k.similar(q, DuplicateFinder.Options.top(5).with(mode)), k, r4, true));
                }
                out.printf("ask HYBRID with %d issues indexed, uncached: %s%n", real.size() + synthetic.size(), time(qs, q -> k.ask(q), k, rounds, true));
                List<IssueRecord> all = new ArrayList<>(real);
                all.addAll(synthetic);
                TitleScanBaseline scan = new TitleScanBaseline(new BuildkitAnalyzers(), all);
                out.printf("title scan of all %d titles (what simple bots do): %s%n", all.size(),
                        time(probes, q -> scan.rank(q.lines().findFirst().orElse(""), Set.of(), 5), k, 1, false));
                System.gc();
                Thread.sleep(200);
                System.gc();
                var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                out.printf("heap used after GC: %.0f MB (the model's ONNX session lives outside the heap)%n", heap.getUsed() / 1e6);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        out.flush();
        return 0;
    }

    private static String time(List<String> queries, java.util.function.Consumer<String> op, Knowledge k, int rounds, boolean clear) {
        for (int w = 0; w < 3; w++) {
            for (String q : queries) {
                if (clear) {
                    k.clearCaches();
                }
                op.accept(q); // warm-up: the JIT compiles the paths being measured
            }
        }
        long[] samples = new long[queries.size() * rounds];
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : queries) {
                if (clear) {
                    k.clearCaches();
                }
                long t = System.nanoTime();
                op.accept(q);
                samples[i++] = System.nanoTime() - t;
            }
        }
        Arrays.sort(samples);
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)", samples[samples.length / 2] / 1e6,
                samples[(int) Math.min(samples.length - 1, Math.ceil(samples.length * 0.99) - 1)] / 1e6,
                samples[samples.length - 1] / 1e6, samples.length);
    }
}
