package dev.buildkitbot.knowledge.similar;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import dev.buildkitbot.knowledge.SearchMode;
import dev.buildkitbot.knowledge.embed.Embedder;
import dev.buildkitbot.knowledge.embed.EmbedderHandle;
import dev.buildkitbot.knowledge.embed.EmbeddingTexts;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import dev.buildkitbot.knowledge.index.DocFreqs;
import dev.buildkitbot.knowledge.index.Fields;
import dev.buildkitbot.knowledge.index.KnowledgeIndex;
import dev.buildkitbot.knowledge.issues.IssueDocuments;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks existing issues for a problem description: a title, a pasted error, or a whole report.
 * The query is the description's most telling words (tf·idf, the way MoreLikeThis picks them) over
 * issue titles (×3) and bodies, plus its error signatures, which weigh most: two reports of one
 * bug usually share the error line while describing the rest in their own words.
 */
public final class DuplicateFinder {
    private static final int MAX_QUERY_TERMS = 25;
    private static final int MAX_TEXT_CHARS = 12_000;
    private static final float TITLE_BOOST = 3f;
    private static final float SIGNATURE_BOOST = 4f;
    private static final double TITLE_LINE_WEIGHT = 3.0;
    private static final float TITLE_TO_TITLE_BOOST = 1.5f;
    private static final int RERANK_DEPTH = 30;
    private static final double TITLE_COVER_WEIGHT = 1.0;

    /**
     * @param mode {@link SearchMode#HYBRID} adds the issues nearest in meaning (those that have a vector yet)
     */
    public record Options(int limit, boolean includePullRequests, Set<String> excludeKeys, SearchMode mode) {
        public Options {
            excludeKeys = Set.copyOf(excludeKeys);
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1");
            }
        }

        public Options(int limit, boolean includePullRequests, Set<String> excludeKeys) {
            this(limit, includePullRequests, excludeKeys, SearchMode.HYBRID);
        }

        public static Options top(int limit) {
            return new Options(limit, false, Set.of());
        }

        public Options with(SearchMode searchMode) {
            return new Options(limit, includePullRequests, excludeKeys, searchMode);
        }
    }

    private final KnowledgeIndex index;
    private final BuildkitAnalyzers analyzers;
    private final EmbedderHandle embedder;
    private final Cache<String, List<IssueMatch>> cache;

    public DuplicateFinder(KnowledgeIndex index, BuildkitAnalyzers analyzers, EmbedderHandle embedder) {
        this.index = index;
        this.analyzers = analyzers;
        this.embedder = embedder;
        this.cache = Caffeine.newBuilder().maximumSize(2_000).build();
        index.onRefresh(cache::invalidateAll);
    }

    /** Forgets cached matches (benchmarks measure the uncached path with it). */
    public void clearCache() {
        cache.invalidateAll();
    }

    public List<IssueMatch> similar(String text, Options options) {
        String raw = text == null ? "" : text;
        if (raw.isBlank()) {
            return List.of();
        }
        Optional<Embedder> model = options.mode() == SearchMode.HYBRID ? embedder.await() : Optional.empty();
        String key = options + (model.isPresent() ? "h" : "l") + "\n" + (raw.length() > MAX_TEXT_CHARS ? raw.substring(0, MAX_TEXT_CHARS) : raw);
        return cache.get(key, k -> {
            // The model reads the report on its own threads while the word search runs on this one.
            PendingVectors vectors = model.map(m -> QueryVectors.start(m, raw)).orElse(null);
            return index.withSearcher(searcher -> search(searcher, raw, options, vectors));
        });
    }

    private List<IssueMatch> search(IndexSearcher searcher, String raw, Options options, PendingVectors vector) throws IOException {
        // Each vector's nearest issues are looked up on the model's thread as soon as it is ready (the
        // title's long before the whole report's), while the word search runs here.
        List<CompletableFuture<TopDocs>> nearest = vector == null ? List.of() : vector.all().stream()
                .map(v -> v.thenApply(q -> nearest(searcher, q, options))).toList();
        try {
            return search(searcher, raw, options, nearest);
        } finally {
            // The searcher is released when this returns: no lookup may still be reading it.
            nearest.forEach(n -> n.exceptionally(e -> null).join());
        }
    }

    private List<IssueMatch> search(IndexSearcher searcher, String raw, Options options, List<CompletableFuture<TopDocs>> nearest)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        String clean = NoiseStripper.strip(raw.length() > MAX_TEXT_CHARS * 4 ? raw.substring(0, MAX_TEXT_CHARS * 4) : raw);
        if (clean.length() > MAX_TEXT_CHARS) {
            clean = clean.substring(0, MAX_TEXT_CHARS);
        }
        List<String> signatures = ErrorSignatures.extract(raw.length() > 200_000 ? raw.substring(0, 200_000) : raw);
        DocFreqs titleDf = new DocFreqs(reader, Fields.ISSUE_TITLE);
        KeyTerms keyTerms = keyTerms(searcher, clean, options.excludeKeys(), titleDf);
        Map<Integer, Double> named = named(searcher, raw, options);
        if (keyTerms.weights.isEmpty() && signatures.isEmpty() && nearest.isEmpty() && named.isEmpty()) {
            return List.of();
        }
        Query query = buildQuery(keyTerms, titleLine(clean), signatures, options);
        ScoreDoc[] hits = keyTerms.weights.isEmpty() && signatures.isEmpty() ? new ScoreDoc[0]
                : searcher.search(query, Math.max(RERANK_DEPTH, options.limit())).scoreDocs;
        TermVectors vectors = reader.termVectors();
        var fields = searcher.storedFields();
        List<Ranked> ranked = new ArrayList<>();
        double top = hits.length == 0 ? 1 : hits[0].score;
        for (ScoreDoc hit : hits) {
            Document doc = fields.document(hit.doc);
            Candidate candidate = toMatch(reader, vectors, titleDf, hit, doc, keyTerms, signatures, -1);
            // How much of the candidate's own title the description says: what title-matching bots
            // see, added to the index score so either signal can lift a candidate.
            ranked.add(new Ranked(candidate, hit.doc, hit.score / top + TITLE_COVER_WEIGHT * candidate.titleCover()));
        }
        ranked.sort(java.util.Comparator.comparingDouble(Ranked::rank).reversed());
        if (!nearest.isEmpty() || !named.isEmpty()) {
            List<TopDocs> near = new ArrayList<>();
            for (CompletableFuture<TopDocs> n : nearest) {
                near.add(Embedder.join(n));
            }
            TopDocs titles = near.isEmpty() ? null : sameTitle(searcher, titleLine(clean), options);
            ranked = fuse(searcher, ranked, near, titles, named, keyTerms, signatures, titleDf);
        }
        return ranked.stream().filter(r -> r.candidate().evidenced()).limit(options.limit()).map(r -> r.candidate().match()).toList();
    }

    /**
     * The issues whose titles best match the report's title line, on their own. In the word search a
     * title's few words weigh little beside the 25 chosen from a long body, yet many originals are
     * little more than a title ("Cache manifest lists can't be exported to gcr", no description).
     */
    private TopDocs sameTitle(IndexSearcher searcher, String title, Options options) throws IOException {
        Query titles = title == null ? null : new QueryBuilder(analyzers.index()).createBooleanQuery(Fields.ISSUE_TITLE, title);
        if (titles == null) {
            return null;
        }
        return searcher.search(new BooleanQuery.Builder().add(titles, BooleanClause.Occur.MUST)
                .add(filter(options), BooleanClause.Occur.FILTER).build(), TITLE_DEPTH);
    }

    /**
     * The issues the report names that may be suggested, each with its share of a fused list's score:
     * 1/(k + place) by the order they are named. A bare {@code #123} found in several repositories
     * shares that score among them (the report does not say which it means).
     */
    private static Map<Integer, Double> named(IndexSearcher searcher, String raw, Options options) throws IOException {
        List<IssueReferences.Reference> references = IssueReferences.in(raw.length() > 200_000 ? raw.substring(0, 200_000) : raw);
        if (references.isEmpty()) {
            return Map.of();
        }
        List<String> repos = null;
        Map<Integer, Double> named = new LinkedHashMap<>();
        Query filter = filter(options);
        int place = 0;
        for (IssueReferences.Reference reference : references) {
            if (reference.bare() && repos == null) {
                repos = repos(searcher.getIndexReader());
            }
            List<Integer> docs = new ArrayList<>();
            for (String repo : reference.bare() ? repos : List.of(reference.repo())) {
                Query q = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.ID, IssueDocuments.id(repo, reference.number()))), BooleanClause.Occur.MUST)
                        .add(filter, BooleanClause.Occur.FILTER).build();
                for (ScoreDoc hit : searcher.search(q, 1).scoreDocs) {
                    docs.add(hit.doc);
                }
            }
            if (!docs.isEmpty()) {
                place++;
                for (int doc : docs) {
                    named.merge(doc, 1.0 / (RRF_K + place) / docs.size(), Double::sum);
                }
            }
        }
        return named;
    }

    /** The repositories whose issues are indexed (a bare {@code #123} may be any of them). */
    private static List<String> repos(IndexReader reader) throws IOException {
        List<String> repos = new ArrayList<>();
        Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader, Fields.REPO);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                repos.add(t.utf8ToString());
            }
        }
        return repos;
    }

    /**
     * Reciprocal rank fusion: 1/(k + rank) from each list. A small k lets the first few of either
     * list through (a paraphrase that only the meaning search finds); set on the dev pairs
     * (eval-duplicates; BENCHMARKS.md), where k = 1–5 kept the lexical first match first more often than k = 10–60.
     */
    static final double RRF_K = 3;
    /**
     * The word search's first match stays first when the words alone make it this sure ({@link #MEANING_CAP}, the cap of
     * what meaning alone may claim): with two meaning lists fused in, a close neighbour in meaning
     * would otherwise often overtake a plain title-and-words match (dev pairs: R@1 0.73 → 0.80).
     */
    static final double SURE_BY_WORDS = 0.6;
    static final int DENSE_DEPTH = 20;
    /**
     * The title search ({@link #sameTitle}) counts half a list: at full weight its near misses (titles
     * sharing two common words) crowded the shared pairs' top 5 (R@5 0.73 → 0.53); at 0.4–0.6 the mined
     * pairs' originals came into the top 10 (0.68 → 0.77) with nothing lost elsewhere (eval-duplicates).
     */
    static final double TITLE_WEIGHT = 0.5;
    static final int TITLE_DEPTH = 10;
    /**
     * Nearest neighbours always exist; below this cosine they are not "similar" at all (gibberish and
     * unrelated text land around 0.2–0.4; the lowest true original of the dev pairs was 0.57).
     */
    static final double DENSE_MIN_COS = 0.45;

    /**
     * The report's vectors: the whole description, and its title line on its own. A title is the
     * reporter's summary; read alone it lands near issues that describe the same problem in other
     * words ("cpu quota does not work" → "Add build cgroup settings"), where the whole text is pulled
     * towards what was pasted around it. A one-line message has only the first.
     */
    static final class QueryVectors {
        private QueryVectors() {
        }

        /**
         * How much of the report the model reads (issues are read up to 700 characters when indexed).
         * The model's time grows with the text; with the title read on its own, 400 characters find
         * as many originals on the dev pairs as 700 did, at about half the cost (BENCHMARKS.md).
         */
        static final int QUERY_CHARS = 400;
        /**
         * …and at most this many word pieces of them. The model's time grows with word pieces: 400
         * characters of prose are about 90, of paths, hashes and flags up to 170, which made the slowest
         * reports the slowest searches. 64–96 found the same originals on the dev pairs as no limit
         * (eval-duplicates); 80 took p50/p99 of a whole report from about 19/33 to 16/28 ms (BENCHMARKS.md).
         */
        static final int QUERY_PIECES = 80;

        /** Starts computing the report's vectors, each on its own worker thread when the model has them. */
        static PendingVectors start(Embedder model, String raw) {
            String whole = EmbeddingTexts.description(raw);
            if (whole.length() > QUERY_CHARS) {
                whole = whole.substring(0, QUERY_CHARS);
            }
            whole = model.head(whole, QUERY_PIECES);
            CompletableFuture<float[]> wholeVector = model.embedLater(whole);
            CompletableFuture<float[]> titleVector = EmbeddingTexts.title(raw).map(model::embedLater).orElse(null);
            return new PendingVectors(wholeVector, titleVector);
        }
    }

    /** A report's vectors being computed: the whole description's, and its title's (or null). */
    record PendingVectors(CompletableFuture<float[]> whole, CompletableFuture<float[]> title) {
        List<CompletableFuture<float[]>> all() {
            return title == null ? List.of(whole) : List.of(whole, title);
        }
    }

    /** The issues nearest in meaning to a vector that may be suggested (see {@link #filter}). */
    private static TopDocs nearest(IndexSearcher searcher, float[] vector, Options options) {
        try {
            return searcher.search(new KnnFloatVectorQuery(Fields.ISSUE_VECTOR, vector, DENSE_DEPTH, filter(options)), DENSE_DEPTH);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Fuses the lexical ranking with the issues nearest in meaning to the report and to its title
     * (reciprocal rank fusion). A shared specific error signature stays decisive: such candidates
     * come first.
     */
    private List<Ranked> fuse(IndexSearcher searcher, List<Ranked> lexical, List<TopDocs> nearest, TopDocs titles, Map<Integer, Double> named,
                              KeyTerms keyTerms, List<String> signatures, DocFreqs titleDf) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Map<Integer, Double> fused = new HashMap<>();
        Map<Integer, Candidate> candidates = new HashMap<>();
        for (int i = 0; i < lexical.size(); i++) {
            fused.merge(lexical.get(i).doc(), 1.0 / (RRF_K + i + 1), Double::sum);
            candidates.put(lexical.get(i).doc(), lexical.get(i).candidate());
        }
        for (int i = 0; titles != null && i < titles.scoreDocs.length; i++) {
            fused.merge(titles.scoreDocs[i].doc, TITLE_WEIGHT / (RRF_K + i + 1), Double::sum);
        }
        named.forEach((doc, score) -> fused.merge(doc, score, Double::sum));
        Map<Integer, Double> cosines = new HashMap<>();
        for (TopDocs near : nearest) {
            for (int i = 0; i < near.scoreDocs.length; i++) {
                ScoreDoc hit = near.scoreDocs[i];
                double cos = 2 * hit.score - 1; // Lucene scores cosine as (1 + cos) / 2
                if (cos < DENSE_MIN_COS) {
                    break;
                }
                cosines.merge(hit.doc, cos, Math::max);
                fused.merge(hit.doc, 1.0 / (RRF_K + i + 1), Double::sum);
            }
        }
        List<Ranked> out = new ArrayList<>();
        TermVectors termVectors = reader.termVectors();
        var fields = searcher.storedFields();
        for (var e : fused.entrySet()) {
            int doc = e.getKey();
            double cos = cosines.getOrDefault(doc, -1.0);
            Candidate c = candidates.get(doc);
            if (c == null) {
                c = toMatch(reader, termVectors, titleDf, new ScoreDoc(doc, 0), fields.document(doc), keyTerms, signatures, cos);
            } else if (cos > -1) {
                c = c.withMeaning(cos);
            }
            if (named.containsKey(doc)) {
                c = c.named();
            }
            boolean sureByWords = !lexical.isEmpty() && lexical.get(0).doc() == doc && c.lexicalConfidence() >= SURE_BY_WORDS;
            out.add(new Ranked(c, doc, e.getValue() + (c.sharedSignature() ? 1 : 0) + (sureByWords ? 0.5 : 0)));
        }
        out.sort(java.util.Comparator.comparingDouble(Ranked::rank).reversed());
        return out;
    }

    /** What every candidate must be: an issue (a pull request only when asked), not an excluded one. */
    private static Query filter(Options options) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, "issue")), BooleanClause.Occur.FILTER);
        if (!options.includePullRequests()) {
            query.add(new TermQuery(new Term(Fields.PULL_REQUEST, "false")), BooleanClause.Occur.FILTER);
        }
        for (String key : options.excludeKeys()) {
            int hash = key.lastIndexOf('#');
            query.add(new TermQuery(new Term(Fields.ID, IssueDocuments.id(key.substring(0, hash),
                    Integer.parseInt(key.substring(hash + 1))))), BooleanClause.Occur.MUST_NOT);
        }
        return query.build();
    }

    /** A report's first line, when short enough to be its title; else null. */
    private static String titleLine(String text) {
        int end = text.indexOf('\n');
        return end > 0 && end <= 200 ? text.substring(0, end) : (end < 0 && text.length() <= 200 ? text : null);
    }

    private Query buildQuery(KeyTerms keyTerms, String title, List<String> signatures, Options options) {
        BooleanQuery.Builder should = new BooleanQuery.Builder();
        if (title != null) {
            // Title against title, word for word: the strongest single signal between two reports.
            Query titles = new QueryBuilder(analyzers.index()).createBooleanQuery(Fields.ISSUE_TITLE, title);
            if (titles != null) {
                should.add(new BoostQuery(titles, TITLE_TO_TITLE_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        double max = keyTerms.weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        keyTerms.weights.forEach((term, weight) -> {
            float boost = (float) (weight / max);
            should.add(new BoostQuery(new TermQuery(new Term(Fields.ISSUE_TITLE, term)), boost * TITLE_BOOST), BooleanClause.Occur.SHOULD);
            should.add(new BoostQuery(new TermQuery(new Term(Fields.ISSUE_BODY, term)), boost), BooleanClause.Occur.SHOULD);
        });
        QueryBuilder builder = new QueryBuilder(analyzers.index());
        for (String signature : signatures) {
            Query q = builder.createMinShouldMatchQuery(Fields.SIGNATURE, signature, 0.75f);
            if (q != null) {
                should.add(new BoostQuery(q, SIGNATURE_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        return new BooleanQuery.Builder()
                .add(should.build(), BooleanClause.Occur.MUST)
                .add(filter(options), BooleanClause.Occur.FILTER)
                .build();
    }

    /**
     * The description's most telling words by tf·idf over issue bodies, with the word as the user
     * wrote it. A short first line is read as the report's title, and its words count double.
     */
    private KeyTerms keyTerms(IndexSearcher searcher, String text, Set<String> excludeKeys, DocFreqs titleDf) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Set<String> excludedTerms = termsOf(searcher, excludeKeys);
        Map<String, Double> tf = new HashMap<>();
        Map<String, String> surface = new HashMap<>();
        int firstLineEnd = text.indexOf('\n');
        int titleEnd = firstLineEnd > 0 && firstLineEnd <= 200 ? firstLineEnd : -1;
        try (TokenStream ts = analyzers.index().tokenStream(Fields.ISSUE_BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (t.length() < 2 || t.length() > 60) {
                    continue;
                }
                tf.merge(t, offset.startOffset() < titleEnd ? TITLE_LINE_WEIGHT : 1.0, Double::sum);
                surface.putIfAbsent(t, text.substring(offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        }
        int n = Math.max(1, Math.max(reader.getDocCount(Fields.ISSUE_BODY), reader.getDocCount(Fields.ISSUE_TITLE)));
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        double unknownWeight = 0;
        DocFreqs bodyDf = new DocFreqs(reader, Fields.ISSUE_BODY);
        for (var e : tf.entrySet()) {
            int df = Math.max(bodyDf.of(e.getKey()), titleDf.of(e.getKey()));
            if (excludedTerms.contains(e.getKey())) {
                df--; // an excluded issue (the report itself, when evaluating) must not make a word look rare
            }
            if (df <= 0) {
                // A word no other issue uses cannot make a match, but it is part of what was said.
                unknownWeight += Math.sqrt(e.getValue()) * Math.log(1 + (n + 0.5) / 0.5);
                continue;
            }
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            scored.add(Map.entry(e.getKey(), Math.sqrt(e.getValue()) * idf));
        }
        scored.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Map<String, Double> weights = new LinkedHashMap<>();
        for (var e : scored.subList(0, Math.min(MAX_QUERY_TERMS, scored.size()))) {
            weights.put(e.getKey(), e.getValue());
        }
        return new KeyTerms(weights, Math.min(unknownWeight, weights.values().stream().mapToDouble(Double::doubleValue).sum()),
                tf.keySet(), surface);
    }

    public Optional<IssueMatch> lookup(String repo, int number) {
        return index.withSearcher(searcher -> {
            ScoreDoc[] hits = searcher.search(new TermQuery(new Term(Fields.ID, IssueDocuments.id(repo, number))), 1).scoreDocs;
            if (hits.length == 0) {
                return Optional.<IssueMatch>empty();
            }
            Document doc = searcher.storedFields().document(hits[0].doc);
            return Optional.of(new IssueMatch(repo, number, doc.get(Fields.ISSUE_TITLE), doc.get(Fields.STATE), doc.get(Fields.URL),
                    0, 1, "", Arrays.asList(doc.getValues(Fields.LABELS)), Boolean.parseBoolean(doc.get(Fields.PULL_REQUEST))));
        });
    }

    /** Words of the excluded issues' titles and bodies. */
    private Set<String> termsOf(IndexSearcher searcher, Set<String> keys) throws IOException {
        Set<String> terms = new HashSet<>();
        for (String key : keys) {
            int hash = key.lastIndexOf('#');
            Term id = new Term(Fields.ID, IssueDocuments.id(key.substring(0, hash), Integer.parseInt(key.substring(hash + 1))));
            for (ScoreDoc hit : searcher.search(new TermQuery(id), 1).scoreDocs) {
                terms.addAll(analyzers.terms(Fields.ISSUE_TITLE, searcher.storedFields().document(hit.doc).get(Fields.ISSUE_TITLE)));
                Terms body = searcher.getIndexReader().termVectors().get(hit.doc, Fields.ISSUE_BODY);
                if (body != null) {
                    TermsEnum it = body.iterator();
                    for (BytesRef t = it.next(); t != null; t = it.next()) {
                        terms.add(t.utf8ToString());
                    }
                }
            }
        }
        return terms;
    }

    /**
     * @param lexicalConfidence what the shared words and title say, before meaning is counted
     * @param lexicalWhy        the shared error or words ("" when none)
     */
    private record Candidate(IssueMatch match, double titleCover, double lexicalConfidence, String lexicalWhy, boolean sharedSignature,
                             int sharedWords, boolean otherEvidence) {
        /**
         * Whether anything beyond one shared word links it to the report: one word in common ("up",
         * "cache") is what any two issues of this tracker have, not a reason to show one. Being among
         * the nearest by meaning, named in the report, or sharing an error signature is.
         */
        boolean evidenced() {
            return sharedSignature || otherEvidence || sharedWords >= 2;
        }

        /**
         * The same candidate, named in the report. Its confidence stays what words and meaning say: the
         * reporter already knows this issue, so naming it is no reason for a hint in the channel.
         */
        Candidate named() {
            IssueMatch m = match;
            String why = m.why().isBlank() ? "named in the report" : "named in the report; " + m.why();
            return new Candidate(new IssueMatch(m.repo(), m.number(), m.title(), m.state(), m.url(), m.score(), m.confidence(), why,
                    m.labels(), m.pullRequest()), titleCover, lexicalConfidence, lexicalWhy, sharedSignature, sharedWords, true);
        }

        /** The same candidate, now also known to be {@code cos} close in meaning. */
        Candidate withMeaning(double cos) {
            double meaning = meaningConfidence(cos);
            double confidence = Math.max(lexicalConfidence, meaning);
            String why = sharedSignature ? lexicalWhy
                    : meaning > lexicalConfidence || lexicalWhy.isBlank() ? "similar meaning" + (lexicalWhy.isBlank() ? "" : "; " + lexicalWhy)
                    : lexicalWhy + "; similar meaning";
            IssueMatch m = match;
            return new Candidate(new IssueMatch(m.repo(), m.number(), m.title(), m.state(), m.url(), m.score(),
                    Math.round(Math.min(1, confidence) * 1000) / 1000.0, why, m.labels(), m.pullRequest()),
                    titleCover, lexicalConfidence, lexicalWhy, sharedSignature, sharedWords, true);
        }
    }

    /**
     * Cosine mapped onto the confidence scale. On the dev pairs the true original's cosine ranged
     * 0.57–0.95 and the best wrong candidate's 0.54–0.90: meaning alone is a reason to show an issue
     * in a list, never to post a hint on its own, so it tops out at {@link #MEANING_CAP}, under the
     * channel hint threshold (0.65). Shared words or a shared error are needed above that.
     */
    static final double MEANING_FROM = 0.6;
    static final double MEANING_TO = 0.9;
    static final double MEANING_CAP = 0.6;

    static double meaningConfidence(double cos) {
        return MEANING_CAP * Math.max(0, Math.min(1, (cos - MEANING_FROM) / (MEANING_TO - MEANING_FROM)));
    }

    private record Ranked(Candidate candidate, int doc, double rank) {
    }

    private Candidate toMatch(IndexReader reader, TermVectors vectors, DocFreqs titleDf, ScoreDoc hit, Document doc,
                              KeyTerms keyTerms, List<String> signatures, double cos) throws IOException {
        String title = doc.get(Fields.ISSUE_TITLE);
        Set<String> titleTerms = analyzers.terms(Fields.ISSUE_TITLE, title);
        Terms body = vectors.get(hit.doc, Fields.ISSUE_BODY);
        Set<String> present = new HashSet<>(titleTerms);
        if (body != null) {
            TermsEnum terms = body.iterator();
            for (String term : keyTerms.weights.keySet()) {
                if (terms.seekExact(new BytesRef(term))) {
                    present.add(term);
                }
            }
        }
        double total = keyTerms.unknownWeight;
        double covered = 0;
        List<String> shared = new ArrayList<>();
        for (var e : keyTerms.weights.entrySet()) {
            total += e.getValue();
            if (present.contains(e.getKey())) {
                covered += e.getValue();
                shared.add(e.getKey());
            }
        }
        double queryCover = total == 0 ? 0 : covered / total;
        double titleCover = titleCover(reader, titleDf, titleTerms, keyTerms.all);
        double confidence = 0.5 * titleCover + 0.5 * queryCover;
        String sharedSignature = sharedSignature(signatures, Arrays.asList(doc.getValues(Fields.SIGNATURE)));
        if (sharedSignature != null) {
            confidence = Math.max(confidence, 0.9);
        }
        String why = sharedSignature != null ? "same error: " + sharedSignature
                : shared.isEmpty() ? "" : "same words: " + String.join(", ",
                shared.stream().limit(6).map(t -> keyTerms.surface.getOrDefault(t, t)).toList());
        Candidate candidate = new Candidate(new IssueMatch(doc.get(Fields.REPO), doc.getField(Fields.NUMBER).numericValue().intValue(), title,
                doc.get(Fields.STATE), doc.get(Fields.URL), Math.round(hit.score * 1000) / 1000.0,
                Math.round(Math.min(1, confidence) * 1000) / 1000.0, why,
                Arrays.asList(doc.getValues(Fields.LABELS)), Boolean.parseBoolean(doc.get(Fields.PULL_REQUEST))),
                titleCover, confidence, why, sharedSignature != null, shared.size(), false);
        return cos > -1 ? candidate.withMeaning(cos) : candidate;
    }

    /** IDF-weighted share of the candidate's title words that the description also uses. */
    private static double titleCover(IndexReader reader, DocFreqs titleDf, Set<String> titleTerms, Set<String> queryTerms) throws IOException {
        int n = Math.max(1, reader.getDocCount(Fields.ISSUE_TITLE));
        double total = 0;
        double covered = 0;
        for (String term : titleTerms) {
            int df = titleDf.of(term);
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            total += idf;
            if (queryTerms.contains(term)) {
                covered += idf;
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    private static String sharedSignature(List<String> query, List<String> candidate) {
        for (String signature : query) {
            if (candidate.contains(signature) && !GENERIC.contains(signature)) {
                return signature;
            }
        }
        return null;
    }

    /** Signatures too common to mean "same bug" on their own. */
    private static final Set<String> GENERIC = Set.of("no such file or directory", "context deadline exceeded", "deadlock",
            "exit code: n", "error: failed to solve");

    /**
     * @param unknownWeight what the words no issue uses would weigh (capped at the known words' total,
     *                      so a long paste of names and hashes halves confidence at most)
     */
    private record KeyTerms(Map<String, Double> weights, double unknownWeight, Set<String> all, Map<String, String> surface) {
    }

}
