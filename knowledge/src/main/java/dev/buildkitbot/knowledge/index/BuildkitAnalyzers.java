package dev.buildkitbot.knowledge.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Text analysis for BuildKit vocabulary. The standard tokenizer already keeps
 * {@code BUILDKIT_SCHEDULER_DEBUG}, {@code SIGQUIT}, {@code buildkitd} and {@code v0.13.0} whole and
 * turns {@code --debugaddr} into {@code debugaddr} on both sides; Porter stemming folds
 * hangs/hanging → hang, and an override adds the irregular forms (hung → hang) it cannot.
 * Synonyms ("stuck", "frozen", "never finishes" → hang, deadlock) apply to queries only, so the
 * index stays small and the synonym list can change without a rebuild.
 */
public final class BuildkitAnalyzers {
    private final CharArraySet stopWords;
    private final CharArraySet issueStopWords;
    private final StemmerOverrideFilter.StemmerOverrideMap overrides;
    private final SynonymMap synonyms;
    private final Analyzer index;
    private final Analyzer query;

    public BuildkitAnalyzers() {
        this.stopWords = new CharArraySet(readLines("stopwords.txt"), true);
        // Issues keep words such as "from" (COPY --from) that only pad a question.
        this.issueStopWords = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        this.overrides = buildOverrides();
        this.synonyms = buildSynonyms();
        this.index = new Chain(false);
        this.query = new Chain(true);
    }

    /** For documents, and for measuring which query terms a document contains. */
    public Analyzer index() {
        return index;
    }

    /** For queries: the index chain plus synonyms. */
    public Analyzer query() {
        return query;
    }

    /** The distinct index-form terms of a text, in order of first appearance. */
    public Set<String> terms(String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = index.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private final class Chain extends Analyzer {
        private final boolean withSynonyms;

        Chain(boolean withSynonyms) {
            this.withSynonyms = withSynonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            if (withSynonyms) {
                ts = new SynonymGraphFilter(ts, synonyms, true);
            }
            ts = new StopFilter(ts, isIssueField(fieldName) ? issueStopWords : stopWords);
            ts = new StemmerOverrideFilter(ts, overrides);
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }
    }

    private static boolean isIssueField(String field) {
        return Fields.ISSUE_TITLE.equals(field) || Fields.ISSUE_BODY.equals(field) || Fields.SIGNATURE.equals(field);
    }

    private static StemmerOverrideFilter.StemmerOverrideMap buildOverrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(true);
        // Irregular forms Porter leaves alone, as users write them in bug reports.
        String[][] pairs = {{"hung", "hang"}, {"built", "build"}, {"ran", "run"}, {"froze", "freez"},
                {"frozen", "freez"}, {"broke", "break"}, {"broken", "break"},
                {"expansion", "expand"}, {"expansions", "expand"}};
        for (String[] p : pairs) {
            builder.add(p[0], p[1]);
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SynonymMap buildSynonyms() {
        Analyzer plain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
        SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
        try (InputStream in = resource("synonyms.txt")) {
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("synonyms.txt is malformed: " + e.getMessage(), e);
        }
    }

    private static List<String> readLines(String name) {
        try (InputStream in = resource(name)) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BuildkitAnalyzers.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }
}
