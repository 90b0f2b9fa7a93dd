package dev.buildkitbot.knowledge.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeIndexTest {
    @TempDir
    Path dir;

    @Test
    void anIndexScatteredByBulkWritesIsGatheredIntoOneSegment() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir.resolve("index"), new BuildkitAnalyzers())) {
            for (int batch = 0; batch < 3; batch++) {
                index.upsert(Fields.ID, documents(batch * 10, 10), Map.of("batch", String.valueOf(batch)));
            }
            assertThat(segments(index)).isEqualTo(3);

            assertThat(index.compactIfScattered()).isTrue();
            assertThat(segments(index)).isEqualTo(1);
            int live = index.withSearcher(s -> s.getIndexReader().numDocs());
            assertThat(live).isEqualTo(30);
            assertThat(index.commitData("batch")).isEqualTo("2"); // what the last write recorded survives the merge
            assertThat(index.compactIfScattered()).isFalse();
        }
    }

    @Test
    void aFewNewDocumentsBesideALargeSegmentAreLeftToLucene() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir.resolve("index"), new BuildkitAnalyzers())) {
            index.upsert(Fields.ID, documents(0, 40), Map.of());
            index.upsert(Fields.ID, documents(40, 2), Map.of());
            assertThat(segments(index)).isEqualTo(2);
            assertThat(index.compactIfScattered()).isFalse();
            assertThat(segments(index)).isEqualTo(2);
        }
    }

    private static int segments(KnowledgeIndex index) {
        return index.withSearcher(s -> s.getIndexReader().leaves().size());
    }

    private static List<Document> documents(int from, int count) {
        List<Document> docs = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Document doc = new Document();
            doc.add(new StringField(Fields.ID, "issue:test/repo#" + i, Field.Store.YES));
            doc.add(new TextField(Fields.ISSUE_BODY, "build hangs at step " + i, Field.Store.NO));
            docs.add(doc);
        }
        return docs;
    }
}
