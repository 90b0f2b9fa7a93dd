package dev.buildkitbot.knowledge.ask;

import java.util.regex.Pattern;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import dev.buildkitbot.knowledge.index.Fields;
import dev.buildkitbot.knowledge.index.KnowledgeIndex;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers a question with guide and docs sections. Ranking is BM25 over heading, page title, body
 * and code, with the guide preferred. A section is only offered when it covers enough of what was
 * asked (IDF-weighted share of the question's words it contains): BM25 always ranks something first,
 * and an off-topic question must get no answer rather than a confident wrong one.
 */
public final class Asker {
    private static final Logger log = LoggerFactory.getLogger(Asker.class);
    /**
     * A section is offered when it holds most of the question's weight, or a fair share of it
     * through two or more of its words. One shared word ("exit" in "how do I exit vim") is chance.
     */
    static final double STRONG_COVERAGE = 0.6;
    static final double FAIR_COVERAGE = 0.35;
    /**
     * The best section must also score at least this much: words scattered thinly over a long page
     * ("what does HTTP 418 mean") are chance. Measured: the lowest in-domain best answer of our
     * question sets scores 4.9, off-topic ones that pass the coverage test 2.2–5.7.
     */
    static final double MIN_SCORE = 3.5;
    private static final int MAX_ANSWERS = 5;
    /**
     * Questions about what to send maintainers ("what logs should I grab", "how do I report") are
     * the guide's subject: it weighs more for them than its usual preference over the docs.
     */
    private static final Pattern REPORTING_INTENT = Pattern.compile(
            "\\b(report|reporting|bug report|issue|maintainers?|send|attach|grab|capture|collect|provide|need from me|what info)\\b");
    private static final int CANDIDATES = 30;
    private static final int MAX_QUERY_CHARS = 2_000;
    private static final int MAX_SNIPPET_CHARS = 320;

    private final KnowledgeIndex index;
    private final BuildkitAnalyzers analyzers;
    private final Cache<String, List<Answer>> cache;
    /** Each section's analysed words, by section id: sections change only with the shipped knowledge. */
    private final Cache<String, Set<String>> sectionTerms;

    public Asker(KnowledgeIndex index, BuildkitAnalyzers analyzers) {
        this.index = index;
        this.analyzers = analyzers;
        this.cache = Caffeine.newBuilder().maximumSize(2_000).build();
        this.sectionTerms = Caffeine.newBuilder().maximumSize(10_000).build();
        index.onRefresh(cache::invalidateAll);
        index.onRefresh(sectionTerms::invalidateAll);
    }

    /** Forgets cached answers (benchmarks measure the uncached path with it). */
    public void clearCache() {
        cache.invalidateAll();
    }

    public List<Answer> ask(String question) {
        String text = normalise(question);
        if (text.isEmpty()) {
            return List.of();
        }
        return cache.get(text, this::search);
    }

    private static String normalise(String question) {
        String text = question == null ? "" : question.strip();
        if (text.length() > MAX_QUERY_CHARS) {
            text = text.substring(0, MAX_QUERY_CHARS);
        }
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private List<Answer> search(String text) {
        QueryTerms terms = QueryTerms.of(analyzers.query(), Fields.BODY, text);
        if (terms.isEmpty()) {
            return List.of();
        }
        Query query = buildQuery(text);
        if (query == null) {
            return List.of();
        }
        double guideWeight = REPORTING_INTENT.matcher(text).find() ? 1.8 : 1.3;
        return index.withSearcher(searcher -> rank(searcher, query, terms, guideWeight));
    }

    private Query buildQuery(String text) {
        QueryBuilder builder = new QueryBuilder(analyzers.query());
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boolean any = false;
        for (var field : List.of(new Weighted(Fields.TITLE, 3f), new Weighted(Fields.PAGE, 1f),
                new Weighted(Fields.BODY, 1f), new Weighted(Fields.CODE, 0.5f), new Weighted(Fields.HINTS, 1.5f))) {
            Query q = builder.createBooleanQuery(field.name, text, BooleanClause.Occur.SHOULD);
            if (q != null) {
                fields.add(new BoostQuery(q, field.weight), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        BooleanQuery.Builder sources = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, "guide")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(Fields.TYPE, "docs")), BooleanClause.Occur.SHOULD);
        return new BooleanQuery.Builder()
                .add(fields.build(), BooleanClause.Occur.MUST)
                .add(sources.build(), BooleanClause.Occur.FILTER)
                .build();
    }

    private List<Answer> rank(IndexSearcher searcher, Query query, QueryTerms terms, double guideWeight) throws IOException {
        TopDocs top = searcher.search(query, CANDIDATES);
        IndexReader reader = searcher.getIndexReader();
        List<Scored> scored = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            Document doc = searcher.storedFields().document(hit.doc);
            Coverage coverage = coverage(reader, terms, doc);
            log.debug("candidate score={} {} section={}#{}", hit.score, coverage, doc.get(Fields.PATH), doc.get(Fields.ANCHOR));
            if (!coverage.relevant()) {
                continue;
            }
            double weight = "guide".equals(doc.get(Fields.TYPE)) ? guideWeight : 1.0;
            scored.add(new Scored(hit, doc, hit.score * weight * (0.5 + coverage.share())));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        if (scored.isEmpty() || scored.get(0).score < MIN_SCORE) {
            return List.of();
        }
        double best = scored.get(0).score;
        List<Scored> kept = scored.stream().filter(s -> s.score >= best * 0.35).limit(MAX_ANSWERS).toList();
        String[] snippets = snippets(searcher, query, kept);
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Document doc = kept.get(i).doc;
            answers.add(new Answer(doc.get(Fields.TYPE), doc.get(Fields.REPO), doc.get(Fields.ANCHOR),
                    doc.get(Fields.PATH), doc.get(Fields.TITLE), doc.get(Fields.URL),
                    Math.round(kept.get(i).score * 1000) / 1000.0, snippets[i]));
        }
        return answers;
    }

    /**
     * IDF-weighted share of the question's words that occur in the section. A word weighs what the
     * user's own word weighs (not its rarest synonym); a word the knowledge never uses weighs like
     * the rarest, which is what makes an off-topic question score low everywhere.
     */
    private Coverage coverage(IndexReader reader, QueryTerms terms, Document doc) throws IOException {
        Set<String> inTitle = sectionTerms.get("title:" + doc.get(Fields.ID), k -> analyzers.terms(Fields.TITLE, doc.get(Fields.TITLE)));
        Set<String> present = sectionTerms.get(doc.get(Fields.ID), k -> termsOf(doc));
        int n = Math.max(1, reader.getDocCount(Fields.BODY));
        double total = 0;
        double covered = 0;
        int matched = 0;
        boolean titleHit = false;
        for (QueryTerms.Group group : terms.groups()) {
            double weight = Double.MAX_VALUE;
            if (group.original() != null) {
                weight = idf(reader, n, group.original());
            } else {
                for (String term : group.terms()) {
                    weight = Math.min(weight, idf(reader, n, term));
                }
            }
            boolean hit = group.terms().stream().anyMatch(present::contains);
            total += weight;
            if (hit) {
                covered += weight;
                matched++;
                titleHit |= group.terms().stream().anyMatch(inTitle::contains);
            }
        }
        // A word of the question in the section's own heading is worth a second word of evidence.
        return new Coverage(total == 0 ? 0 : covered / total, titleHit ? matched + 1 : matched);
    }

    /** How much of a question a section addresses. */
    record Coverage(double share, int matchedWords) {
        boolean relevant() {
            return share >= STRONG_COVERAGE || (share >= FAIR_COVERAGE && matchedWords >= 2);
        }

        @Override
        public String toString() {
            return String.format("cov=%.2f/%d", share, matchedWords);
        }
    }

    private Set<String> termsOf(Document doc) {
        Set<String> present = new HashSet<>();
        for (String field : List.of(Fields.TITLE, Fields.PAGE, Fields.BODY, Fields.HINTS)) {
            String value = doc.get(field);
            if (value != null) {
                present.addAll(analyzers.terms(field, value));
            }
        }
        for (String command : doc.getValues(Fields.COMMAND)) {
            present.addAll(analyzers.terms(Fields.CODE, command));
        }
        return Set.copyOf(present);
    }

    private static double idf(IndexReader reader, int n, String term) throws IOException {
        int df = reader.docFreq(new Term(Fields.BODY, term));
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private String[] snippets(IndexSearcher searcher, Query query, List<Scored> kept) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzers.query())
                .withFormatter(new DefaultPassageFormatter("", "", " … ", false))
                .withMaxLength(50_000)
                .build();
        ScoreDoc[] docs = kept.stream().map(s -> s.hit).toArray(ScoreDoc[]::new);
        TopDocs topDocs = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
        String[] raw = highlighter.highlight(Fields.BODY, query, topDocs, 1);
        String[] out = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i] == null ? kept.get(i).doc.get(Fields.BODY) : raw[i];
            s = s == null ? "" : s.replaceAll("\\s+", " ").strip();
            out[i] = s.length() > MAX_SNIPPET_CHARS ? s.substring(0, MAX_SNIPPET_CHARS - 1).stripTrailing() + "…" : s;
        }
        return out;
    }

    private record Weighted(String name, float weight) {
    }

    private record Scored(ScoreDoc hit, Document doc, double score) {
    }
}
