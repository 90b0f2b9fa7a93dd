package dev.buildkitbot.knowledge.ask;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of a question as groups of interchangeable index terms: a word and the synonyms the
 * query analyzer added for it share a group, so "frozen" counts as covered by a section that says
 * "hang". Used to measure how much of a question a section actually addresses.
 */
public record QueryTerms(List<Group> groups) {

    /**
     * @param terms    every index term that counts for this word (the word and its synonyms)
     * @param original the word as the user wrote it (index form), or null when only synonyms
     *                 stand for it (a multi-word phrase such as "never finishes")
     */
    public record Group(Set<String> terms, String original) {
    }


    public static QueryTerms of(Analyzer queryAnalyzer, String field, String text) {
        Map<Integer, Set<String>> byStart = new LinkedHashMap<>();
        Map<Integer, String> originals = new LinkedHashMap<>();
        try (TokenStream ts = queryAnalyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                byStart.computeIfAbsent(offset.startOffset(), k -> new LinkedHashSet<>()).add(term.toString());
                if (!SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                    originals.putIfAbsent(offset.startOffset(), term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The same word twice in a question is one thing asked, not two.
        List<Group> groups = new ArrayList<>();
        Set<Set<String>> seen = new java.util.HashSet<>();
        byStart.forEach((start, terms) -> {
            if (seen.add(terms)) {
                groups.add(new Group(terms, originals.get(start)));
            }
        });
        return new QueryTerms(List.copyOf(groups));
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }
}
