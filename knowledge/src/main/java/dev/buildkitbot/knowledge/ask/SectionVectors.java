package dev.buildkitbot.knowledge.ask;

import dev.buildkitbot.knowledge.index.Fields;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.VectorUtil;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every guide/docs passage vector of the index, by section, read once per index generation. About
 * 1,600 vectors: scoring them all is exact and takes well under a millisecond, where a graph search
 * plus a lookup per lexical candidate took several.
 */
final class SectionVectors {
    private final long version;
    private final List<String> sections;
    private final List<float[]> vectors;

    private SectionVectors(long version, List<String> sections, List<float[]> vectors) {
        this.version = version;
        this.sections = sections;
        this.vectors = vectors;
    }

    /** The index version these were read from. */
    long version() {
        return version;
    }

    static SectionVectors load(IndexSearcher searcher, long version) throws IOException {
        List<String> sections = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.SECTION_VECTOR);
            if (values == null) {
                continue;
            }
            var stored = leaf.reader().storedFields();
            var live = leaf.reader().getLiveDocs();
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                sections.add(stored.document(doc, Set.of(Fields.CHUNK_OF)).get(Fields.CHUNK_OF));
                vectors.add(values.vectorValue().clone());
            }
        }
        return new SectionVectors(version, sections, vectors);
    }

    /** The best cosine of each section's passages with {@code query}. */
    Map<String, Double> cosines(float[] query) {
        Map<String, Double> best = new HashMap<>();
        for (int i = 0; i < vectors.size(); i++) {
            best.merge(sections.get(i), (double) VectorUtil.cosine(query, vectors.get(i)), Math::max);
        }
        return best;
    }
}
