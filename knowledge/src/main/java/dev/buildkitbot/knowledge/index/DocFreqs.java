package dev.buildkitbot.knowledge.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many documents use a word in one field, for the words of one search: one term-dictionary reader
 * per index segment, reused from word to word, and each word looked up once. {@link IndexReader#docFreq}
 * opens new readers on every segment for every call; a pasted report has a few hundred distinct words,
 * and those lookups were most of what a search allocated (BENCHMARKS.md); a question's few words are
 * weighed again for each of its 30 candidate sections. Same counts (deleted documents included, as
 * there). One thread, one search.
 */
public final class DocFreqs {
    private final List<TermsEnum> segments = new ArrayList<>();
    private final Map<String, Integer> known = new HashMap<>();

    public DocFreqs(IndexReader reader, String field) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms != null) {
                segments.add(terms.iterator());
            }
        }
    }

    public int of(String term) throws IOException {
        Integer cached = known.get(term);
        if (cached != null) {
            return cached;
        }
        BytesRef bytes = new BytesRef(term);
        int df = 0;
        for (TermsEnum segment : segments) {
            if (segment.seekExact(bytes)) {
                df += segment.docFreq();
            }
        }
        known.put(term, df);
        return df;
    }
}
