package dev.buildkitbot.bot.slack;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.buildkitbot.bot.slack.SlackAppHarness.eventCallback;
import static dev.buildkitbot.bot.slack.SlackAppHarness.mention;
import static dev.buildkitbot.bot.slack.SlackAppHarness.message;

/**
 * Ack latency of the HTTP endpoint under concurrent signed requests (a benchmark, not a test: it
 * prints figures for BENCHMARKS.md and asserts nothing about time). Run with
 * {@code mvn -B -pl bot -am test -Dgroups=benchmark -Dtest=AckLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class AckLatencyBenchmark {
    @Test
    void ackLatency() throws Exception {
        int total = Integer.getInteger("bench.requests", 2_000);
        try (SlackAppHarness harness = new SlackAppHarness(Map.of())) {
            for (int concurrency : new int[]{1, 10, 50}) {
                run(harness, Math.min(total, 500), concurrency, "warm-up");
                run(harness, total, concurrency, "measured");
            }
        }
    }

    private static void run(SlackAppHarness harness, int total, int concurrency, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Future<List<Long>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            futures.add(pool.submit(() -> {
                List<Long> samples = new ArrayList<>();
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    String ts = "1800000000." + label.length() + concurrency + String.format("%07d", i);
                    String body = switch (i % 3) {
                        case 0 -> eventCallback("EvB" + ts, mention("C0OTHER0001", ts, "<@UBOT0000001> how do I get a goroutine dump"));
                        case 1 -> eventCallback("EvB" + ts, message(SlackAppHarness.HINT_CHANNEL, "channel", ts, "thanks, that worked", ""));
                        default -> eventCallback("EvB" + ts, message("C0OTHER0001", "channel", ts, "hello", ",\"subtype\":\"message_changed\""));
                    };
                    long t0 = System.nanoTime();
                    int status = harness.requests.event(body).statusCode();
                    samples.add(System.nanoTime() - t0);
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
                return samples;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        long[] s = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(s);
        if (label.equals("measured")) {
            System.out.printf("ack latency, %d signed events at concurrency %d: p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d, %.0f req/s%n",
                    s.length, concurrency, s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6, s[s.length - 1] / 1e6,
                    errors.get(), s.length / (wall / 1e9));
        }
    }
}
