package dev.buildkitbot.knowledge.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * A langchain4j in-process model whose ONNX session uses one thread per text. langchain4j's own
 * models let ONNX Runtime use every core for each text and also embed several texts at once on
 * every core, so on a small machine the threads fight: one text per core instead embeds a batch
 * about 1.5× faster and lets a query's vector be computed while the word search runs on the other
 * core (BENCHMARKS.md). The model and tokenizer files are the ones the model's own jar ships.
 */
final class SingleThreadedOnnxModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    private SingleThreadedOnnxModel(Executor executor, OnnxBertBiEncoder encoder, int dimension) {
        super(executor);
        this.encoder = encoder;
        this.dimension = dimension;
    }

    /**
     * @param anchor    a class of the model's jar, whose class loader finds the files
     * @param executor  runs the texts of one {@code embedAll} call in parallel
     */
    static SingleThreadedOnnxModel fromJar(Class<?> anchor, String modelFile, String tokenizerFile, PoolingMode pooling,
                                           int dimension, Executor executor) {
        try (InputStream model = open(anchor, modelFile); InputStream tokenizer = open(anchor, tokenizerFile)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OnnxRuntimeTempDir.removeOnExit();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new SingleThreadedOnnxModel(executor, new OnnxBertBiEncoder(environment, session, tokenizer, pooling), dimension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + modelFile, e);
        }
    }

    /** A file of the model's jar (also read by {@link WordPieces}). */
    static InputStream open(Class<?> anchor, String name) throws IOException {
        InputStream in = anchor.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IOException(name + " is not in the model's jar");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
