package dev.buildkitbot.knowledge.index;

import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;

/** Reads back the vector a document was indexed with, so re-indexing an unchanged text recomputes nothing. */
public final class StoredVectors {
    private StoredVectors() {
    }

    /**
     * The vector in {@code field} of the document whose id is {@code id}, when that document's
     * {@link Fields#VECTOR_KEY} is {@code key} (its text has not changed); else null.
     */
    public static float[] read(IndexSearcher searcher, String field, String id, String key) throws IOException {
        ScoreDoc[] hits = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1).scoreDocs;
        if (hits.length == 0) {
            return null;
        }
        int doc = hits[0].doc;
        if (!key.equals(searcher.storedFields().document(doc).get(Fields.VECTOR_KEY))) {
            return null;
        }
        return read(searcher, field, doc);
    }

    /** The vector in {@code field} of document {@code doc} of this searcher, or null. */
    public static float[] read(IndexSearcher searcher, String field, int doc) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
            return null;
        }
        int local = doc - leaf.docBase;
        return values.advance(local) == local ? values.vectorValue().clone() : null;
    }
}
