package dev.buildkitbot.knowledge;

import dev.buildkitbot.knowledge.ask.Answer;
import dev.buildkitbot.knowledge.ask.Asker;
import dev.buildkitbot.knowledge.embed.Embedder;
import dev.buildkitbot.knowledge.embed.EmbedderHandle;
import dev.buildkitbot.knowledge.embed.EmbeddingTexts;
import dev.buildkitbot.knowledge.embed.OnnxEmbedder;
import dev.buildkitbot.knowledge.embed.ShippedVectors;
import dev.buildkitbot.knowledge.embed.TextKey;
import dev.buildkitbot.knowledge.embed.VectorFile;
import dev.buildkitbot.knowledge.index.StoredVectors;
import dev.buildkitbot.knowledge.source.Section;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import dev.buildkitbot.knowledge.index.Fields;
import dev.buildkitbot.knowledge.index.KnowledgeIndex;
import dev.buildkitbot.knowledge.issues.IssueDocuments;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import dev.buildkitbot.knowledge.issues.IssueSnapshot;
import dev.buildkitbot.knowledge.issues.ShippedIssues;
import dev.buildkitbot.knowledge.releases.LatestReleases;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.IssueMatch;
import dev.buildkitbot.knowledge.source.KnowledgeFiles;
import dev.buildkitbot.knowledge.source.SectionDocuments;
import dev.buildkitbot.knowledge.source.SyncedDocs;
import dev.buildkitbot.knowledge.source.ShippedKnowledge;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the bot knows, in one place: the index under the data dir, kept in step with the shipped
 * knowledge, and the questions it answers.
 */
public final class Knowledge implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Knowledge.class);
    static final String KNOWLEDGE_HASH = "knowledgeHash";

    private final DataDir dataDir;
    private final ShippedKnowledge shipped;
    private volatile KnowledgeFiles files;
    private final KnowledgeIndex index;
    private final Asker asker;
    private final DuplicateFinder duplicates;
    private final IssueSnapshot snapshot;
    private final EmbedderHandle embedder;
    private final LatestReleases releases;
    /** Vectors computed at build time for the shipped sections and issues, by text key. */
    private final VectorFile shippedVectors;

    private Knowledge(DataDir dataDir, ShippedKnowledge shipped, KnowledgeIndex index, BuildkitAnalyzers analyzers,
                      EmbedderHandle embedder) {
        this.dataDir = dataDir;
        this.shipped = shipped;
        this.files = KnowledgeFiles.of(shipped, SyncedDocs.load(dataDir.knowledge()));
        this.index = index;
        this.embedder = embedder;
        this.asker = new Asker(index, analyzers, embedder);
        this.duplicates = new DuplicateFinder(index, analyzers, embedder);
        this.snapshot = new IssueSnapshot(dataDir.issues());
        this.releases = LatestReleases.load(dataDir.sync());
        VectorFile vectors = ShippedVectors.load();
        this.shippedVectors = vectors.modelId().equals(embedder.id()) ? vectors : VectorFile.empty();
    }

    /**
     * How to open a data dir.
     *
     * @param vectors       search by meaning too (the shipped embedding model, loaded in the background)
     * @param shippedIssues start a data dir that has no issues from the ones shipped in the jar
     * @param embedder      a model to use instead of the shipped one (tests), or null
     */
    public record Options(boolean vectors, boolean shippedIssues, EmbedderHandle embedder) {
        public static Options defaults() {
            return new Options(true, true, null);
        }

        /** Words only: no model is loaded and no vectors are indexed. */
        public Options lexicalOnly() {
            return new Options(false, shippedIssues, null);
        }

        /** An empty data dir stays empty until issues are imported or synced. */
        public Options withoutShippedIssues() {
            return new Options(vectors, false, embedder);
        }

        public Options with(EmbedderHandle model) {
            return new Options(true, shippedIssues, model);
        }

        EmbedderHandle embedderFor(Path dataDir) {
            if (!vectors) {
                return EmbedderHandle.disabled();
            }
            return embedder != null ? embedder
                    : EmbedderHandle.loadInBackground(OnnxEmbedder.DEFAULT.id(), () -> OnnxEmbedder.load(OnnxEmbedder.DEFAULT, dataDir.resolve(".cache")));
        }
    }

    /** Opens the data dir with the shipped embedding model (loading in the background) and the shipped issues. */
    public static Knowledge open(Path dataDir) {
        return open(dataDir, Options.defaults());
    }

    public static Knowledge open(Path dataDir, Options options) {
        DataDir dir = DataDir.prepare(dataDir);
        EmbedderHandle embedder = options.embedderFor(dir.root());
        ShippedKnowledge shipped = ShippedKnowledge.load();
        BuildkitAnalyzers analyzers = new BuildkitAnalyzers();
        KnowledgeIndex index;
        try {
            index = KnowledgeIndex.open(dir.index(), analyzers);
        } catch (UncheckedIOException e) {
            throw new KnowledgeException(e.getMessage(), e);
        }
        Knowledge knowledge = new Knowledge(dir, shipped, index, analyzers, embedder);
        knowledge.indexKnowledgeIfChanged();
        if (options.shippedIssues() && knowledge.snapshot.isEmpty() && index.writable()) {
            knowledge.seedShippedIssues();
        } else if (index.created()) {
            knowledge.reindexIssuesFromSnapshot();
        }
        return knowledge;
    }

    /**
     * A data dir that has never imported or synced issues starts from the ones shipped in the jar,
     * so duplicate checks work on the first run; {@code sync} brings them up to date.
     */
    private void seedShippedIssues() {
        ShippedIssues seed = ShippedIssues.load();
        if (seed.issues().isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        upsertIssues(seed.issues());
        seed.asOf().forEach(snapshot::knownUpTo);
        log.info("loaded {} shipped issues ({}) in {} ms", seed.issues().size(), snapshot.freshness(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Re-reads what the last docs refresh stored and re-indexes the guide and docs when they changed;
     * questions keep being answered meanwhile (the index swaps searchers when the commit is done).
     * @return whether anything changed
     */
    public synchronized boolean refreshKnowledge() {
        KnowledgeFiles next = KnowledgeFiles.of(shipped, SyncedDocs.load(dataDir.knowledge()));
        boolean changed = !next.contentHash().equals(files.contentHash());
        files = next;
        if (changed) {
            indexKnowledgeIfChanged();
        }
        return changed;
    }

    /** "docs: moby/buildkit as of 2026-08-21, …; issues: moby/buildkit as of 2026-09-21, …": how fresh answers and matches are. */
    public String freshness() {
        return "docs: " + files.freshness() + "; issues: " + snapshot.freshness();
    }

    /** The guide, docs and templates in force (shipped, or as refreshed from GitHub). */
    public KnowledgeFiles files() {
        return files;
    }

    private void indexKnowledgeIfChanged() {
        KnowledgeFiles current = files;
        // The model is part of what the index holds: turning vectors on or changing the model re-indexes.
        String hash = current.contentHash() + "|" + embedder.id();
        if (hash.equals(index.commitData(KNOWLEDGE_HASH))) {
            return;
        }
        if (!index.writable()) {
            log.warn("the index is held read-only by another process and its knowledge is out of date");
            return;
        }
        long start = System.nanoTime();
        List<Section> sections = current.sections();
        List<Document> docs = new ArrayList<>(sections.stream()
                .map(s -> SectionDocuments.toDocument(s, current.hints().forSection(s))).toList());
        int chunks = embedder.enabled() ? addChunkDocuments(sections, docs) : 0;
        BooleanQuery scope = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, "guide")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(Fields.TYPE, "docs")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(Fields.TYPE, "chunk")), BooleanClause.Occur.SHOULD)
                .build();
        index.replaceAll(scope, docs, Map.of(KNOWLEDGE_HASH, hash));
        log.info("indexed {} guide and docs sections ({} vectors) in {} ms", sections.size(), chunks,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** One vector per window of each section: from the build's shipped vectors, the rest computed now. */
    private int addChunkDocuments(List<Section> sections, List<Document> docs) {
        Map<String, String> missing = new LinkedHashMap<>();
        List<List<String>> keys = new ArrayList<>();
        for (Section s : sections) {
            List<String> sectionKeys = new ArrayList<>();
            for (String text : EmbeddingTexts.sectionChunks(s)) {
                String key = TextKey.of(text);
                sectionKeys.add(key);
                if (shippedVectors.get(key) == null) {
                    missing.put(key, text);
                }
            }
            keys.add(sectionKeys);
        }
        Map<String, float[]> computed = new HashMap<>();
        if (!missing.isEmpty()) {
            Optional<Embedder> model = embedder.await();
            if (model.isPresent()) {
                long start = System.nanoTime();
                List<String> texts = List.copyOf(missing.values());
                List<float[]> vectors = model.get().embed(texts);
                List<String> order = List.copyOf(missing.keySet());
                for (int i = 0; i < order.size(); i++) {
                    computed.put(order.get(i), vectors.get(i));
                }
                log.info("embedded {} guide/docs passages the build had not ({} ms)", texts.size(), (System.nanoTime() - start) / 1_000_000);
            }
        }
        int added = 0;
        for (int i = 0; i < sections.size(); i++) {
            List<String> sectionKeys = keys.get(i);
            for (int c = 0; c < sectionKeys.size(); c++) {
                String key = sectionKeys.get(c);
                float[] vector = shippedVectors.get(key) != null ? shippedVectors.get(key) : computed.get(key);
                if (vector != null) {
                    docs.add(SectionDocuments.chunkDocument(sections.get(i), c, key, vector));
                    added++;
                }
            }
        }
        return added;
    }

    /** A fresh or rebuilt index gets back every issue the snapshot holds. */
    private void reindexIssuesFromSnapshot() {
        List<IssueRecord> issues = snapshot.all();
        if (!issues.isEmpty()) {
            index.upsert(Fields.ID, index.withSearcher(searcher -> issueDocuments(searcher, issues)), Map.of());
            log.info("re-indexed {} issues from the snapshot in {}", issues.size(), dataDir.issues());
        }
    }

    /**
     * Issue documents with the vector each already has: computed by the build (shipped issues) or
     * stored with the same text in the index. The others get theirs from {@link #embedMissingIssueVectors}.
     */
    private List<Document> issueDocuments(IndexSearcher searcher, Collection<IssueRecord> issues) throws IOException {
        // Building documents (noise stripping, signatures) is the costly part and independent per issue.
        List<IssueRecord> list = List.copyOf(issues);
        List<String> keys = list.parallelStream().map(i -> TextKey.of(IssueDocuments.embeddingText(i))).toList();
        List<float[]> vectors = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            float[] v = null;
            if (embedder.enabled()) {
                v = shippedVectors.get(keys.get(i));
                if (v == null) {
                    v = StoredVectors.read(searcher, Fields.ISSUE_VECTOR, IssueDocuments.id(list.get(i).repo(), list.get(i).number()), keys.get(i));
                }
            }
            vectors.add(v);
        }
        return java.util.stream.IntStream.range(0, list.size()).parallel()
                .mapToObj(i -> IssueDocuments.toDocument(list.get(i), keys.get(i), vectors.get(i), embedder.id())).toList();
    }

    public List<Answer> ask(String question) {
        return asker.ask(question, SearchMode.HYBRID);
    }

    public List<Answer> ask(String question, SearchMode mode) {
        return asker.ask(question, mode);
    }

    public List<IssueMatch> similar(String text, DuplicateFinder.Options options) {
        return duplicates.similar(text, options);
    }

    /** The newest release of each repository, shipped or as the last sync found it. */
    public LatestReleases releases() {
        return releases;
    }

    /** The embedding model in use (it may still be loading). */
    public EmbedderHandle embedder() {
        return embedder;
    }

    /** One known issue by repository and number (for linking a thread to it). */
    public Optional<IssueMatch> issue(String repo, int number) {
        return duplicates.lookup(repo, number);
    }

    /**
     * Adds or updates issues: the snapshot first (it is what a rebuild starts from), then the index.
     * Same repository and number = same issue, so repeated imports update in place.
     */
    public synchronized void upsertIssues(Collection<IssueRecord> issues) {
        if (issues.isEmpty()) {
            return;
        }
        try {
            snapshot.upsert(issues);
            index.upsert(Fields.ID, index.withSearcher(searcher -> issueDocuments(searcher, issues)), Map.of());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new KnowledgeException(e.getMessage(), e);
        }
    }

    /** How many issues are searchable by words but still wait for their vector. */
    public int issuesWithoutVectors() {
        if (!embedder.enabled()) {
            return 0;
        }
        return index.withSearcher(searcher -> searcher.count(missingVectors()));
    }

    private Query missingVectors() {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, "issue")), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.VECTOR_MODEL, embedder.id())), BooleanClause.Occur.MUST_NOT)
                .build();
    }

    /** Told how far the embedding of issues has got. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    /**
     * Gives every issue that has none its vector, {@code batch} at a time, each batch committed on its
     * own: questions are answered meanwhile, and an interrupted run loses at most one batch. An
     * issue changed by a sync while its vector was computed keeps waiting for the next run.
     *
     * @return how many issues got a vector
     */
    public int embedMissingIssueVectors(int batch, Progress progress) {
        Optional<Embedder> model = embedder.await();
        if (model.isEmpty() || !index.writable()) {
            return 0;
        }
        List<String> ids = index.withSearcher(searcher -> {
            List<String> out = new ArrayList<>();
            var fields = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(missingVectors(), Integer.MAX_VALUE / 2).scoreDocs) {
                out.add(fields.document(hit.doc, Set.of(Fields.ID)).get(Fields.ID));
            }
            return out;
        });
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, IssueRecord> records = new HashMap<>();
        for (IssueRecord issue : snapshot.all()) {
            records.put(IssueDocuments.id(issue.repo(), issue.number()), issue);
        }
        int done = 0;
        int embedded = 0;
        long start = System.nanoTime();
        for (int from = 0; from < ids.size(); from += batch) {
            List<IssueRecord> issues = ids.subList(from, Math.min(ids.size(), from + batch)).stream()
                    .map(records::get).filter(java.util.Objects::nonNull).toList();
            List<String> texts = issues.stream().map(IssueDocuments::embeddingText).toList();
            List<float[]> vectors = model.get().embed(texts);
            embedded += storeVectors(issues, texts, vectors);
            done = Math.min(ids.size(), from + batch);
            progress.update(done, ids.size());
        }
        log.info("embedded {} issues in {} ms", embedded, (System.nanoTime() - start) / 1_000_000);
        return embedded;
    }

    private synchronized int storeVectors(List<IssueRecord> issues, List<String> texts, List<float[]> vectors) {
        List<Document> docs = index.withSearcher(searcher -> {
            List<Document> out = new ArrayList<>();
            var fields = searcher.storedFields();
            for (int i = 0; i < issues.size(); i++) {
                IssueRecord issue = issues.get(i);
                String id = IssueDocuments.id(issue.repo(), issue.number());
                String key = TextKey.of(texts.get(i));
                ScoreDoc[] hits = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1).scoreDocs;
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

    /** Forgets cached answers and matches, so a benchmark measures the search itself. */
    public void clearCaches() {
        asker.clearCache();
        duplicates.clearCache();
    }

    public IssueSnapshot snapshot() {
        return snapshot;
    }

    public ShippedKnowledge shipped() {
        return shipped;
    }

    public DataDir dataDir() {
        return dataDir;
    }

    public KnowledgeIndex index() {
        return index;
    }

    @Override
    public void close() {
        index.close();
    }

    /** The data dir's layout; checked once, with a message a user can act on. */
    public record DataDir(Path root) {
        static DataDir prepare(Path root) {
            try {
                if (Files.exists(root) && !Files.isDirectory(root)) {
                    throw new KnowledgeException("data dir " + root + " is not a directory");
                }
                Files.createDirectories(root);
                if (!Files.isWritable(root)) {
                    throw new KnowledgeException("data dir " + root + " is not writable");
                }
                return new DataDir(root);
            } catch (IOException e) {
                throw new KnowledgeException("cannot create data dir " + root + ": " + e.getMessage(), e);
            }
        }

        public Path index() {
            return root.resolve("index");
        }

        public Path issues() {
            return root.resolve("issues");
        }

        public Path sync() {
            return root.resolve("sync");
        }

        public Path sessions() {
            return root.resolve("sessions");
        }

        public Path knowledge() {
            return root.resolve("knowledge");
        }
    }
}
