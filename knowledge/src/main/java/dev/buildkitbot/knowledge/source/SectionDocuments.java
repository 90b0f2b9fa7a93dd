package dev.buildkitbot.knowledge.source;

import dev.buildkitbot.knowledge.index.Fields;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import java.util.Arrays;

/** Maps a {@link Section} to its Lucene document and back. */
public final class SectionDocuments {
    /** Changes whenever a section's document gains or loses a field: the index is then rebuilt. */
    public static final String FIELDS = "hints+questions";

    private SectionDocuments() {
    }

    public static Document toDocument(Section s, String hints, String questions) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, s.id(), Field.Store.YES));
        doc.add(new StringField(Fields.TYPE, s.source(), Field.Store.YES));
        doc.add(new StringField(Fields.REPO, s.repo(), Field.Store.YES));
        doc.add(new StoredField(Fields.PATH, s.path()));
        doc.add(new StoredField(Fields.ANCHOR, s.anchor()));
        doc.add(new StoredField(Fields.URL, s.url()));
        doc.add(new TextField(Fields.TITLE, s.title(), Field.Store.YES));
        doc.add(new TextField(Fields.PAGE, s.pageTitle(), Field.Store.YES));
        doc.add(new TextField(Fields.BODY, s.text(), Field.Store.YES));
        doc.add(new TextField(Fields.CODE, String.join("\n", s.commands()), Field.Store.NO));
        doc.add(new TextField(Fields.HINTS, hints, Field.Store.YES));
        doc.add(new TextField(Fields.QUESTIONS, questions, Field.Store.YES));
        for (String command : s.commands()) {
            doc.add(new StoredField(Fields.COMMAND, command));
        }
        return doc;
    }

    /** A window of a section with its vector: what meaning search finds, pointing back to the section. */
    public static Document chunkDocument(Section s, int chunk, String key, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, "chunk:" + s.id() + "#" + chunk, Field.Store.NO));
        doc.add(new StringField(Fields.TYPE, "chunk", Field.Store.NO));
        doc.add(new StringField(Fields.CHUNK_OF, s.id(), Field.Store.YES));
        doc.add(new StringField(Fields.VECTOR_KEY, key, Field.Store.NO));
        doc.add(new KnnFloatVectorField(Fields.SECTION_VECTOR, vector, VectorSimilarityFunction.COSINE));
        return doc;
    }

    public static Section fromDocument(Document doc) {
        return new Section(doc.get(Fields.TYPE), doc.get(Fields.REPO), doc.get(Fields.PATH), doc.get(Fields.ANCHOR),
                doc.get(Fields.TITLE), doc.get(Fields.PAGE), doc.get(Fields.BODY),
                Arrays.asList(doc.getValues(Fields.COMMAND)), doc.get(Fields.URL));
    }
}
