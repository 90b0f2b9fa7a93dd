package dev.buildkitbot.knowledge.issues;

import dev.buildkitbot.knowledge.embed.Embedder;
import dev.buildkitbot.knowledge.embed.EmbedderHandle;
import dev.buildkitbot.knowledge.embed.TextKey;
import dev.buildkitbot.knowledge.embed.VectorFile;
import dev.buildkitbot.knowledge.index.Fields;
import dev.buildkitbot.knowledge.index.KnowledgeIndex;
import dev.buildkitbot.knowledge.index.StoredVectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The vectors of issues: found again for texts that already have one (computed by the build for
 * the shipped issues, or stored in the index), and computed batch by batch for the rest after
 * their words are searchable.
 */
public final class IssueVectors {
    private static final Logger log = LoggerFactory.getLogger(IssueVectors.class);

    /** Told how far the embedding of issues has got. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    private final KnowledgeIndex index;
    private final EmbedderHandle embedder;
    private final VectorFile shipped;
    private final Object writes;

    /** @param writes the lock every issue write of the index holds */
    public IssueVectors(KnowledgeIndex index, EmbedderHandle embedder, VectorFile shipped, Object writes) {
        this.index = index;
        this.embedder = embedder;
        this.shipped = shipped;
        this.writes = writes;
    }

    /** Issue documents with the vector each already has; the others wait for {@link #embedMissing}. */
    public List<Document> documents(IndexSearcher searcher, Collection<IssueRecord> issues) throws IOException {
        // Building documents (noise stripping, signatures) is the costly part and independent per issue.
        List<IssueRecord> list = List.copyOf(issues);
        List<String> keys = list.parallelStream().map(i -> TextKey.of(IssueDocuments.embeddingText(i))).toList();
        List<float[]> vectors = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            float[] v = null;
            if (embedder.enabled()) {
                v = shipped.get(keys.get(i));
                if (v == null) {
                    v = StoredVectors.read(searcher, Fields.ISSUE_VECTOR, IssueDocuments.id(list.get(i).repo(), list.get(i).number()), keys.get(i));
                }
            }
            vectors.add(v);
        }
        return IntStream.range(0, list.size()).parallel()
                .mapToObj(i -> IssueDocuments.toDocument(list.get(i), keys.get(i), vectors.get(i), embedder.id())).toList();
    }

    /** How many issues are searchable by words but still wait for their vector. */
    public int missing() {
        return embedder.enabled() ? index.withSearcher(searcher -> searcher.count(missingQuery())) : 0;
    }

    private Query missingQuery() {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, "issue")), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.VECTOR_MODEL, embedder.id())), BooleanClause.Occur.MUST_NOT)
                .build();
    }

    /**
     * Gives every issue that has none its vector, {@code batch} at a time, each batch committed on its
     * own: questions are answered meanwhile, and an interrupted run loses at most one batch. An issue
     * changed by a sync while its vector was computed keeps waiting for the next run.
     *
     * @param records the issues as the snapshot has them (the index does not store descriptions)
     * @return how many issues got a vector
     */
    public int embedMissing(int batch, Progress progress, Supplier<Collection<IssueRecord>> records) {
        Optional<Embedder> model = embedder.await();
        if (model.isEmpty() || !index.writable()) {
            return 0;
        }
        List<String> ids = index.withSearcher(searcher -> {
            List<String> out = new ArrayList<>();
            var fields = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(missingQuery(), Integer.MAX_VALUE / 2).scoreDocs) {
                out.add(fields.document(hit.doc, Set.of(Fields.ID)).get(Fields.ID));
            }
            return out;
        });
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, IssueRecord> byId = new HashMap<>();
        for (IssueRecord issue : records.get()) {
            byId.put(IssueDocuments.id(issue.repo(), issue.number()), issue);
        }
        int embedded = 0;
        long start = System.nanoTime();
        for (int from = 0; from < ids.size(); from += batch) {
            List<IssueRecord> issues = ids.subList(from, Math.min(ids.size(), from + batch)).stream()
                    .map(byId::get).filter(Objects::nonNull).toList();
            List<String> texts = issues.stream().map(IssueDocuments::embeddingText).toList();
            embedded += store(issues, texts, model.get().embed(texts));
            progress.update(Math.min(ids.size(), from + batch), ids.size());
        }
        log.info("embedded {} issues in {} ms", embedded, (System.nanoTime() - start) / 1_000_000);
        return embedded;
    }

    private int store(List<IssueRecord> issues, List<String> texts, List<float[]> vectors) {
        synchronized (writes) {
            List<Document> docs = index.withSearcher(searcher -> {
                List<Document> out = new ArrayList<>();
                var fields = searcher.storedFields();
                for (int i = 0; i < issues.size(); i++) {
                    IssueRecord issue = issues.get(i);
                    String key = TextKey.of(texts.get(i));
                    ScoreDoc[] hits = searcher.search(new TermQuery(new Term(Fields.ID, IssueDocuments.id(issue.repo(), issue.number()))), 1).scoreDocs;
                    // Only if the indexed issue still says what was embedded (a sync may have changed it).
                    if (hits.length == 1 && key.equals(fields.document(hits[0].doc, Set.of(Fields.VECTOR_KEY)).get(Fields.VECTOR_KEY))) {
                        out.add(IssueDocuments.toDocument(issue, key, vectors.get(i), embedder.id()));
                    }
                }
                return out;
            });
            index.upsert(Fields.ID, docs, Map.of());
            return docs.size();
        }
    }
}
