package dev.buildkitbot.bot.slack;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
        int total = Integer.getInteger("bench.requests", 10_000);
        try (SlackAppHarness harness = new SlackAppHarness(Map.of())) {
            for (int concurrency : new int[]{1, 10, 50}) {
                run(harness, Math.min(total, 500), concurrency, "warm-up");
                run(harness, total, concurrency, "measured");
            }
        }
    }

    /** Request in → chat.postMessage at the fake Web API, one question at a time from distinct users. */
    @Test
    void endToEndAnswerTime() throws Exception {
        String[] questions = {"how do I get a stack trace when buildkitd hangs", "what version information do you need for a bug report?",
                "how do I configure a registry mirror", "how do I enable debug logs for buildkitd", "buildkitd panicked, how do I capture the panic?"};
        try (SlackAppHarness harness = new SlackAppHarness(Map.of())) {
            List<Long> samples = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String ts = "1800100000." + String.format("%06d", i);
                String user = "U0E2E" + String.format("%06d", i);
                String event = "{\"type\":\"message\",\"user\":\"" + user + "\",\"text\":\"" + questions[i % questions.length] + " " + i
                        + "\",\"ts\":\"" + ts + "\",\"channel\":\"D0E2E" + String.format("%06d", i) + "\",\"channel_type\":\"im\",\"event_ts\":\"" + ts + "\"}";
                long t0 = System.nanoTime();
                harness.requests.event(eventCallback("EvE2E" + i, event));
                harness.api.await("chat.postMessage", c -> ts.equals(c.param("thread_ts")), java.time.Duration.ofSeconds(10));
                if (i >= 50) {
                    samples.add(System.nanoTime() - t0);
                }
            }
            long[] s = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("end-to-end answer time (signed DM in -> chat.postMessage out, uncached questions), n=%d: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    s.length, s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6, s[s.length - 1] / 1e6);
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
                    long t0 = System.nanoTime();
                    int status = switch (i % 4) {
                        case 0 -> harness.requests.event(eventCallback("EvB" + ts, mention("C0OTHER0001", ts, "<@UBOT0000001> how do I get a goroutine dump"))).statusCode();
                        case 1 -> harness.requests.event(eventCallback("EvB" + ts, message(SlackAppHarness.HINT_CHANNEL, "channel", ts, "thanks, that worked", ""))).statusCode();
                        case 2 -> harness.requests.command(Map.of("token", "x", "team_id", "T0000000001", "channel_id", "C0OTHER0001",
                                "user_id", "U0BENCH0001", "command", "/buildkit-report", "text", "help", "trigger_id", "1.2.3")).statusCode();
                        default -> harness.requests.interaction("{\"type\":\"block_actions\",\"team\":{\"id\":\"T0000000001\"},\"user\":{\"id\":\"U0BENCH0001\"},"
                                + "\"token\":\"x\",\"trigger_id\":\"1.2.3\",\"container\":{\"type\":\"message\",\"message_ts\":\"" + ts + "\",\"channel_id\":\"C0OTHER0001\"},"
                                + "\"channel\":{\"id\":\"C0OTHER0001\"},\"actions\":[{\"action_id\":\"hint_not_helpful\",\"block_id\":\"b\",\"value\":\"moby/buildkit#1\",\"type\":\"button\",\"action_ts\":\"1\"}]}").statusCode();
                    };
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
