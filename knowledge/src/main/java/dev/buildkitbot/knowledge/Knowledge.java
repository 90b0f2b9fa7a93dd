package dev.buildkitbot.knowledge;

import dev.buildkitbot.knowledge.ask.Answer;
import dev.buildkitbot.knowledge.ask.Asker;
import dev.buildkitbot.knowledge.ask.OffTopicBackground;
import dev.buildkitbot.knowledge.embed.Embedder;
import dev.buildkitbot.knowledge.embed.EmbedderHandle;
import dev.buildkitbot.knowledge.embed.EmbeddingTexts;
import dev.buildkitbot.knowledge.embed.OnnxEmbedder;
import dev.buildkitbot.knowledge.embed.ShippedVectors;
import dev.buildkitbot.knowledge.embed.TextKey;
import dev.buildkitbot.knowledge.embed.VectorFile;
import dev.buildkitbot.knowledge.source.Section;
import dev.buildkitbot.knowledge.source.SectionHints;
import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import dev.buildkitbot.knowledge.index.DocFreqs;
import dev.buildkitbot.knowledge.index.Fields;
import dev.buildkitbot.knowledge.index.KnowledgeIndex;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import dev.buildkitbot.knowledge.issues.IssueSnapshot;
import dev.buildkitbot.knowledge.issues.IssueVectors;
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
    private final IssueVectors vectors;
    /** Issue writes (imports, syncs, vectors) go one at a time: a vector is stored only for the text it was made from. */
    private final Object issueWrites = new Object();
    private final BuildkitAnalyzers analyzers;

    private Knowledge(DataDir dataDir, ShippedKnowledge shipped, KnowledgeIndex index, BuildkitAnalyzers analyzers,
                      EmbedderHandle embedder) {
        this.dataDir = dataDir;
        this.shipped = shipped;
        this.files = KnowledgeFiles.of(shipped, SyncedDocs.load(dataDir.knowledge()));
        this.index = index;
        this.analyzers = analyzers;
        this.embedder = embedder;
        this.duplicates = new DuplicateFinder(index, analyzers, embedder);
        this.snapshot = new IssueSnapshot(dataDir.issues());
        this.releases = LatestReleases.load(dataDir.sync());
        VectorFile vectors = ShippedVectors.load();
        this.shippedVectors = vectors.modelId().equals(embedder.id()) ? vectors : VectorFile.empty();
        this.asker = new Asker(index, analyzers, embedder, new OffTopicBackground(OffTopicBackground.load(), shippedVectors::get));
        this.vectors = new IssueVectors(index, embedder, shippedVectors, issueWrites);
    }

    /**
     * How to open a data dir.
     *
     * @param vectors       search by meaning too (the shipped embedding model, loaded in the background)
     * @param shippedIssues start a data dir that has no issues from the ones shipped in the jar
     */
    public record Options(boolean vectors, boolean shippedIssues) {
        public static Options defaults() {
            return new Options(true, true);
        }

        /** Words only: no model is loaded and no vectors are indexed. */
        public Options lexicalOnly() {
            return new Options(false, shippedIssues);
        }

        /** An empty data dir stays empty until issues are imported or synced. */
        public Options withoutShippedIssues() {
            return new Options(vectors, false);
        }

        EmbedderHandle embedderFor(Path dataDir) {
            if (!vectors) {
                return EmbedderHandle.disabled();
            }
            return EmbedderHandle.loadInBackground(OnnxEmbedder.DEFAULT.id(), () -> OnnxEmbedder.load(OnnxEmbedder.DEFAULT, dataDir.resolve(".cache")));
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
        String hash = current.contentHash() + "|" + embedder.id() + "|" + EmbeddingTexts.PASSAGE_SCHEME + "|" + SectionDocuments.FIELDS;
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
                .map(s -> SectionDocuments.toDocument(s, current.hints().forSection(s),
                        String.join("\n", current.hints().questionsFor(s)))).toList());
        int chunks = embedder.enabled() ? addChunkDocuments(sections, current.hints(), docs) : 0;
        BooleanQuery scope = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, "guide")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(Fields.TYPE, "docs")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(Fields.TYPE, "chunk")), BooleanClause.Occur.SHOULD)
                .build();
        index.replaceAll(scope, docs, Map.of(KNOWLEDGE_HASH, hash));
        log.info("indexed {} guide and docs sections ({} vectors) in {} ms", sections.size(), chunks,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The vectors of each section's passages: from the build's shipped vectors, the rest computed now. */
    private int addChunkDocuments(List<Section> sections, SectionHints hints, List<Document> docs) {
        Map<String, String> missing = new LinkedHashMap<>();
        List<List<String>> keys = new ArrayList<>();
        for (Section s : sections) {
            List<String> sectionKeys = new ArrayList<>();
            for (String text : EmbeddingTexts.sectionPassages(s, hints)) {
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
            index.upsert(Fields.ID, index.withSearcher(searcher -> vectors.documents(searcher, issues)), Map.of());
            log.info("re-indexed {} issues from the snapshot in {}", issues.size(), dataDir.issues());
        }
    }

    public List<Answer> ask(String question) {
        return asker.ask(question, SearchMode.HYBRID);
    }

    public List<Answer> ask(String question, SearchMode mode) {
        return asker.ask(question, mode);
    }

    /**
     * How many of the words of a text occur in at least two documents or issues: none means the text
     * shares no vocabulary with anything BuildKit's docs or issues say (keyboard mash, not a summary).
     */
    public int knownWords(String text) {
        Set<String> terms = analyzers.terms(Fields.BODY, text);
        if (terms.isEmpty()) {
            return 0;
        }
        return index.withSearcher(searcher -> {
            DocFreqs docs = new DocFreqs(searcher.getIndexReader(), Fields.BODY);
            DocFreqs issues = new DocFreqs(searcher.getIndexReader(), Fields.ISSUE_BODY);
            int known = 0;
            for (String term : terms) {
                if (docs.of(term) + issues.of(term) >= 2) {
                    known++;
                }
            }
            return known;
        });
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
    public void upsertIssues(Collection<IssueRecord> issues) {
        if (issues.isEmpty()) {
            return;
        }
        synchronized (issueWrites) {
            try {
                snapshot.upsert(issues);
                index.upsert(Fields.ID, index.withSearcher(searcher -> vectors.documents(searcher, issues)), Map.of());
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new KnowledgeException(e.getMessage(), e);
            }
        }
    }

    /** How many issues are searchable by words but still wait for their vector. */
    public int issuesWithoutVectors() {
        return vectors.missing();
    }

    /**
     * Gives every issue that has none its vector, {@code batch} at a time, each batch committed on its
     * own (see {@link IssueVectors#embedMissing}); then, the bulk writes done, gathers the index into one
     * segment when they left it scattered ({@link KnowledgeIndex#compactIfScattered}).
     *
     * @return how many issues got a vector
     */
    public int embedMissingIssueVectors(int batch, IssueVectors.Progress progress) {
        int embedded = vectors.embedMissing(batch, progress, snapshot::all);
        synchronized (issueWrites) {
            index.compactIfScattered();
        }
        return embedded;
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
