package dev.buildkitbot.knowledge.index;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one Lucene index (BM25) of guide sections, docs sections and GitHub issues, on disk under the
 * data dir. Readers are served through a {@link SearcherManager}, so updates (a sync) become
 * visible without closing anything. A corrupt index is moved aside and started afresh: everything
 * in it can be rebuilt from the shipped knowledge and the issue snapshot.
 */
public final class KnowledgeIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean created;
    private final List<Runnable> refreshListeners = new CopyOnWriteArrayList<>();

    private KnowledgeIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers, boolean created) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.created = created;
        searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {
            }

            @Override
            public void afterRefresh(boolean didRefresh) {
                if (didRefresh) {
                    refreshListeners.forEach(Runnable::run);
                }
            }
        });
    }

    /**
     * Opens (or creates) the index in {@code path}. When another process holds the write lock the
     * index is opened read-only, so {@code ask} works while the Slack app runs.
     */
    public static KnowledgeIndex open(Path path, BuildkitAnalyzers analyzers) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the index directory " + path + ": " + e.getMessage(), e);
        }
        try {
            return openOrCreate(path, analyzers);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                 | NoSuchFileException | EOFException e) {
            Path aside = quarantine(path);
            log.warn("index at {} is unreadable ({}); moved it to {} and rebuilding", path, e.getMessage(), aside);
            try {
                return openOrCreate(path, analyzers);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot rebuild the index at " + path + ": " + again.getMessage(), again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + path + ": " + e.getMessage(), e);
        }
    }

    private static KnowledgeIndex openOrCreate(Path path, BuildkitAnalyzers analyzers) throws IOException {
        Directory directory = FSDirectory.open(path);
        boolean exists = DirectoryReader.indexExists(directory);
        if (exists) {
            // Opening a reader checks the commit and segment checksums before the writer touches anything.
            DirectoryReader.open(directory).close();
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzers.index())
                .setSimilarity(new BM25Similarity())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(true);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException locked) {
            if (!exists) {
                directory.close();
                throw new IOException("the index at " + path + " is being built by another process; try again in a moment");
            }
            log.info("index at {} is in use by another process; opening it read-only", path);
            return new KnowledgeIndex(path, directory, null, new SearcherManager(directory, bm25()), false);
        }
        if (!exists) {
            writer.setLiveCommitData(Map.of("created", Instant.now().toString()).entrySet());
            writer.commit();
        }
        return new KnowledgeIndex(path, directory, writer, new SearcherManager(writer, bm25()), !exists);
    }

    private static SearcherFactory bm25() {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity());
                return searcher;
            }
        };
    }

    private static Path quarantine(Path path) {
        Path aside = path.resolveSibling(path.getFileName() + ".corrupt-" + System.currentTimeMillis());
        try {
            Files.move(path, aside);
            Files.createDirectories(path);
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the corrupt index at " + path + " aside: " + e.getMessage(), e);
        }
    }

    /** True when this open created the index (fresh data dir or a rebuild after corruption). */
    public boolean created() {
        return created;
    }

    public boolean writable() {
        return writer != null;
    }

    /** Value stored with the last commit, or null. */
    public String commitData(String key) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
                return reader.getIndexCommit().getUserData().get(key);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every document matching {@code scope} with {@code documents}, in one commit. */
    public void replaceAll(Query scope, Collection<Document> documents, Map<String, String> commitData) {
        requireWritable();
        try {
            writer.deleteDocuments(scope);
            writer.addDocuments(documents);
            commit(commitData);
        } catch (IOException e) {
            throw new UncheckedIOException("index update failed: " + e.getMessage(), e);
        }
    }

    /** Adds or replaces documents by their unique id term. */
    public void upsert(String idField, Collection<Document> documents, Map<String, String> commitData) {
        requireWritable();
        try {
            // Replacing costs a buffered delete per document; documents the index has never seen
            // (a first import, new issues in a sync) are simply added.
            List<Document> fresh = new ArrayList<>();
            // The same id twice in one batch: the last one is the current one.
            Map<String, Document> latest = new LinkedHashMap<>();
            documents.forEach(doc -> latest.put(doc.get(idField), doc));
            IndexSearcher searcher = searchers.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                for (Document doc : latest.values()) {
                    Term id = new Term(idField, doc.get(idField));
                    if (reader.docFreq(id) == 0) {
                        fresh.add(doc);
                    } else {
                        writer.updateDocument(id, doc);
                    }
                }
            } finally {
                searchers.release(searcher);
            }
            writer.addDocuments(fresh);
            commit(commitData);
        } catch (IOException e) {
            throw new UncheckedIOException("index update failed: " + e.getMessage(), e);
        }
    }

    /**
     * A segment this share of the documents or more is the index: smaller ones beside it are left to
     * Lucene's own merging.
     */
    static final double GATHERED = 0.9;

    /**
     * Merges the index into one segment when its documents are spread over several (none holding
     * {@link #GATHERED} of them), as a bulk import and its vector batches leave it: every search reads
     * each segment's term dictionary and graph of vectors, and at 11,809 issues in 10 segments a whole
     * report took p50 14 ms against 12 ms in one, words alone 5.4 against 3.3 ms. The merge took 9 s
     * there; run it after bulk writes, never on a request's path (BENCHMARKS.md).
     *
     * @return whether it merged
     */
    public boolean compactIfScattered() {
        if (writer == null) {
            return false;
        }
        try {
            int segments;
            int largest = 0;
            int total;
            IndexSearcher searcher = searchers.acquire();
            try {
                var leaves = searcher.getIndexReader().leaves();
                segments = leaves.size();
                total = searcher.getIndexReader().numDocs();
                for (var leaf : leaves) {
                    largest = Math.max(largest, leaf.reader().numDocs());
                }
            } finally {
                searchers.release(searcher);
            }
            if (segments <= 1 || largest >= GATHERED * total) {
                return false;
            }
            long start = System.nanoTime();
            writer.forceMerge(1);
            commit(Map.of());
            log.info("index merged into one segment segments={} documents={} ms={}", segments, total,
                    (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("index merge failed: " + e.getMessage(), e);
        }
    }

    private void commit(Map<String, String> extra) throws IOException {
        Map<String, String> data = new HashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            data.putAll(((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData());
        } finally {
            searchers.release(searcher);
        }
        data.putAll(extra);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private void requireWritable() {
        if (writer == null) {
            throw new IllegalStateException("the index at " + path + " is open read-only (another process holds it)");
        }
    }

    /** Runs {@code body} against the current searcher. */
    public <T> T withSearcher(SearcherFunction<T> body) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return body.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed: " + e.getMessage(), e);
        }
    }

    /** Called after each refresh that changed what searchers see (caches hang on this). */
    public void onRefresh(Runnable listener) {
        refreshListeners.add(listener);
    }

    public long sizeOnDisk() {
        try {
            long total = 0;
            for (String file : directory.listAll()) {
                total += directory.fileLength(file);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (writer != null) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
