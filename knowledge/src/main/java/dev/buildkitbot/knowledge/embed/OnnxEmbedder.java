package dev.buildkitbot.knowledge.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sentence-embedding model run in process by ONNX Runtime. The model file, its tokenizer and the
 * native libraries all come inside the langchain4j jars: nothing is downloaded.
 */
public final class OnnxEmbedder implements Embedder {
    /** A model the jar ships: its id, how to load it, and what a search query is prefixed with. */
    public record Model(String id, int dimension, String queryPrefix, Class<?> jar, String modelFile, String tokenizerFile,
                        PoolingMode pooling) {
        EmbeddingModel load(Executor executor) {
            return SingleThreadedOnnxModel.fromJar(jar, modelFile, tokenizerFile, pooling, dimension, executor);
        }
    }

    /** all-MiniLM-L6-v2, quantized: 384 dimensions, fast on long text. */
    public static final Model MINILM = new Model("all-minilm-l6-v2-q", 384, "", AllMiniLmL6V2QuantizedEmbeddingModel.class,
            "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN);

    /**
     * The model the jar uses. bge-small-en-v1.5 was measured too: better alone on guide questions,
     * no better fused with the lexical ranking, and 3x slower to embed; so was e5-small-v2: better
     * alone on guide questions, twice as slow, and its cosines sit in a band where none of the gates
     * set for this model hold (BENCHMARKS.md).
     */
    public static final Model DEFAULT = MINILM;

    private final Model spec;
    private final EmbeddingModel model;
    private final WordPieces pieces;
    /**
     * Query texts embedded while a search runs. Apart from the batch workers, so a question never
     * queues behind a background batch of issues.
     */
    private final ExecutorService queryWorkers;

    private OnnxEmbedder(Model spec, ExecutorService batchWorkers, ExecutorService queryWorkers) {
        this.spec = spec;
        this.queryWorkers = queryWorkers;
        this.model = spec.load(batchWorkers);
        this.pieces = WordPieces.fromJar(spec.jar(), spec.tokenizerFile());
    }

    /**
     * Loads a model (about a second: the ONNX session and the native tokenizer).
     *
     * @param scratch where the tokenizer's native library may be unpacked when the home directory is
     *                not writable (a container's non-root user); DJL's own default otherwise
     */
    public static OnnxEmbedder load(Model spec, Path scratch) {
        // DJL, which provides the tokenizer, would otherwise try to download what it misses.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null
                && !Files.isWritable(Path.of(System.getProperty("user.home", "/")))) {
            System.setProperty("DJL_CACHE_DIR", scratch.toAbsolutePath().toString());
        }
        ExecutorService batch = workers("embed-batch-");
        ExecutorService queries = workers("embed-query-");
        try {
            return new OnnxEmbedder(spec, batch, queries);
        } catch (RuntimeException | Error e) {
            batch.shutdownNow();
            queries.shutdownNow();
            throw e;
        }
    }

    /**
     * Up to one daemon thread per core (ONNX Runtime uses one thread per text here); idle ones end
     * after a while, so a process that opens many indexes (the tests) does not collect threads.
     */
    private static ExecutorService workers(String name) {
        AtomicInteger n = new AtomicInteger();
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(cores, cores, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        // The tokenizer refuses blank text; a dash says "nothing" just as well.
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t == null || t.isBlank() ? "-" : t)).toList();
        return model.embedAll(segments).content().stream().map(OnnxEmbedder::unit).toList();
    }

    @Override
    public String head(String text, int maxPieces) {
        return text == null || text.isEmpty() ? "" : pieces.head(text, maxPieces);
    }

    @Override
    public float[] embedQuery(String text) {
        return embed(spec.queryPrefix() + text);
    }

    /**
     * On a worker thread. One text per task: a task never waits for other tasks of the same pool,
     * so concurrent searches cannot starve it.
     */
    @Override
    public CompletableFuture<float[]> embedLater(String text) {
        return CompletableFuture.supplyAsync(() -> embed(text), queryWorkers);
    }

    @Override
    public CompletableFuture<float[]> embedQueryLater(String text) {
        return embedLater(spec.queryPrefix() + text);
    }

    private static float[] unit(Embedding embedding) {
        float[] v = embedding.vector().clone();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }
}
