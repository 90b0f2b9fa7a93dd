package dev.buildkitbot.knowledge;

import java.util.Optional;
import dev.buildkitbot.knowledge.ask.Answer;
import dev.buildkitbot.knowledge.ask.Asker;
import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import dev.buildkitbot.knowledge.index.Fields;
import dev.buildkitbot.knowledge.index.KnowledgeIndex;
import dev.buildkitbot.knowledge.issues.IssueDocuments;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import dev.buildkitbot.knowledge.issues.IssueSnapshot;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;

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

    private Knowledge(DataDir dataDir, ShippedKnowledge shipped, KnowledgeIndex index, BuildkitAnalyzers analyzers) {
        this.dataDir = dataDir;
        this.shipped = shipped;
        this.files = KnowledgeFiles.of(shipped, SyncedDocs.load(dataDir.knowledge()));
        this.index = index;
        this.asker = new Asker(index, analyzers);
        this.duplicates = new DuplicateFinder(index, analyzers);
        this.snapshot = new IssueSnapshot(dataDir.issues());
    }

    public static Knowledge open(Path dataDir) {
        DataDir dir = DataDir.prepare(dataDir);
        ShippedKnowledge shipped = ShippedKnowledge.load();
        BuildkitAnalyzers analyzers = new BuildkitAnalyzers();
        KnowledgeIndex index;
        try {
            index = KnowledgeIndex.open(dir.index(), analyzers);
        } catch (UncheckedIOException e) {
            throw new KnowledgeException(e.getMessage(), e);
        }
        Knowledge knowledge = new Knowledge(dir, shipped, index, analyzers);
        knowledge.indexKnowledgeIfChanged();
        if (index.created()) {
            knowledge.reindexIssuesFromSnapshot();
        }
        return knowledge;
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

    /** The guide, docs and templates in force (shipped, or as refreshed from GitHub). */
    public KnowledgeFiles files() {
        return files;
    }

    private void indexKnowledgeIfChanged() {
        KnowledgeFiles current = files;
        String hash = current.contentHash();
        if (hash.equals(index.commitData(KNOWLEDGE_HASH))) {
            return;
        }
        if (!index.writable()) {
            log.warn("the index is held read-only by another process and its knowledge is out of date");
            return;
        }
        long start = System.nanoTime();
        List<Document> docs = current.sections().stream()
                .map(s -> SectionDocuments.toDocument(s, current.hints().forSection(s))).toList();
        BooleanQuery scope = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, "guide")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(Fields.TYPE, "docs")), BooleanClause.Occur.SHOULD)
                .build();
        index.replaceAll(scope, docs, Map.of(KNOWLEDGE_HASH, hash));
        log.info("indexed {} guide and docs sections in {} ms", docs.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** A fresh or rebuilt index gets back every issue the snapshot holds. */
    private void reindexIssuesFromSnapshot() {
        List<IssueRecord> issues = snapshot.all();
        if (!issues.isEmpty()) {
            index.upsert(Fields.ID, issues.parallelStream().map(IssueDocuments::toDocument).toList(), Map.of());
            log.info("re-indexed {} issues from the snapshot in {}", issues.size(), dataDir.issues());
        }
    }

    public List<Answer> ask(String question) {
        return asker.ask(question);
    }

    public List<IssueMatch> similar(String text, DuplicateFinder.Options options) {
        return duplicates.similar(text, options);
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
        try {
            snapshot.upsert(issues);
            // Building documents (noise stripping, signatures) is the costly part and independent per issue.
            index.upsert(Fields.ID, issues.parallelStream().map(IssueDocuments::toDocument).toList(), Map.of());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new KnowledgeException(e.getMessage(), e);
        }
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
