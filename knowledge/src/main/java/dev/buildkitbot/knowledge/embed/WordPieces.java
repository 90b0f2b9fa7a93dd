package dev.buildkitbot.knowledge.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Cuts a text to what a model reads in a given number of word pieces, with the model's own
 * tokenizer. The model's time grows with word pieces, not characters: 400 characters of prose are
 * about 90 of them, 400 characters of paths and hashes twice that (BENCHMARKS.md). Lives as long as
 * the model (the process).
 */
final class WordPieces {
    private final HuggingFaceTokenizer tokenizer;

    private WordPieces(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The tokenizer file the model's jar ships (the same one the model reads with). */
    static WordPieces fromJar(Class<?> anchor, String tokenizerFile) {
        try (InputStream in = SingleThreadedOnnxModel.open(anchor, tokenizerFile)) {
            return new WordPieces(HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "false", "padding", "false",
                    "addSpecialTokens", "false")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of {@code text} that fits in {@code max} word pieces, cut after a whole piece. */
    String head(String text, int max) {
        Encoding encoding = tokenizer.encode(text, false, false);
        CharSpan[] spans = encoding.getCharTokenSpans();
        if (spans.length <= max || max < 1) {
            return text;
        }
        int end = 0;
        for (int i = max - 1; i >= 0 && end == 0; i--) {
            if (spans[i] != null) {
                end = spans[i].getEnd();
            }
        }
        if (end == 0) {
            return text; // no piece with a place in the text: nothing to cut at
        }
        // The tokenizer counts offsets in code points; a Java string in UTF-16 units (an emoji is two).
        return text.substring(0, text.offsetByCodePoints(0, Math.min(end, text.codePointCount(0, text.length()))));
    }
}
