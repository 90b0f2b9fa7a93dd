package dev.buildkitbot.knowledge.issues;

import dev.buildkitbot.knowledge.embed.EmbeddingTexts;
import dev.buildkitbot.knowledge.embed.TextKey;
import dev.buildkitbot.knowledge.index.Fields;
import dev.buildkitbot.knowledge.similar.ErrorSignatures;
import dev.buildkitbot.knowledge.similar.NoiseStripper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import java.util.List;

/** Maps an {@link IssueRecord} to its Lucene document (noise stripped, signatures extracted). */
public final class IssueDocuments {
    /** Enough of a body to judge it; a pasted 5 MB log adds nothing but index size. */
    static final int MAX_BODY_CHARS = 20_000;

    /** Term vectors let the duplicate finder see which query words a candidate holds without re-analysing it. */
    private static final FieldType BODY_TYPE = bodyType();

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    private IssueDocuments() {
    }

    public static String id(String repo, int number) {
        return "issue:" + repo + "#" + number;
    }

    /** The text an issue's vector is made from. */
    public static String embeddingText(IssueRecord issue) {
        return EmbeddingTexts.issue(issue.title(), issue.body().length() > MAX_BODY_CHARS ? issue.body().substring(0, MAX_BODY_CHARS) : issue.body());
    }

    /** The issue without a vector yet: searchable by words now, by meaning once its vector is in. */
    public static Document toDocument(IssueRecord issue) {
        return toDocument(issue, TextKey.of(embeddingText(issue)), null, null);
    }

    /**
     * @param key    {@link TextKey} of {@link #embeddingText}
     * @param vector its vector, or null while it waits for one
     * @param model  the model that made {@code vector}
     */
    public static Document toDocument(IssueRecord issue, String key, float[] vector, String model) {
        String body = issue.body().length() > MAX_BODY_CHARS ? issue.body().substring(0, MAX_BODY_CHARS) : issue.body();
        String clean = NoiseStripper.strip(body);
        List<String> signatures = ErrorSignatures.extractFromClean(NoiseStripper.strip(issue.title()) + "\n" + clean);
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, id(issue.repo(), issue.number()), Field.Store.YES));
        doc.add(new StringField(Fields.TYPE, "issue", Field.Store.YES));
        doc.add(new StringField(Fields.REPO, issue.repo(), Field.Store.YES));
        doc.add(new StoredField(Fields.NUMBER, issue.number()));
        doc.add(new StringField(Fields.STATE, issue.state(), Field.Store.YES));
        doc.add(new StringField(Fields.PULL_REQUEST, Boolean.toString(issue.pullRequest()), Field.Store.YES));
        doc.add(new StoredField(Fields.URL, issue.htmlUrl()));
        doc.add(new TextField(Fields.ISSUE_TITLE, issue.title(), Field.Store.YES));
        doc.add(new Field(Fields.ISSUE_BODY, clean, BODY_TYPE));
        for (String signature : signatures) {
            doc.add(new TextField(Fields.SIGNATURE, signature, Field.Store.YES));
        }
        doc.add(new StringField(Fields.VECTOR_KEY, key, Field.Store.YES));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(Fields.ISSUE_VECTOR, vector, VectorSimilarityFunction.COSINE));
            doc.add(new StringField(Fields.VECTOR_MODEL, model, Field.Store.NO));
        }
        for (String label : issue.labels()) {
            doc.add(new StoredField(Fields.LABELS, label));
        }
        return doc;
    }
}
