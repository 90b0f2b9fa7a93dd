package dev.buildkitbot.knowledge.ask;

/**
 * A guide or docs section that answers a question.
 *
 * @param source  {@code guide} or {@code docs}
 * @param repo    repository the section's document lives in
 * @param score   ranking score (BM25 with source weighting); comparable within one answer list only
 * @param snippet the sentence of the section that best matches the question
 */
public record Answer(String source, String repo, String anchor, String path, String title, String url,
                     double score, String snippet) {
}
