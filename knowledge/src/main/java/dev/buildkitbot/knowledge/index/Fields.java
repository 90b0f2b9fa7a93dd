package dev.buildkitbot.knowledge.index;

/** Field names shared by the documents of the index. */
public final class Fields {
    public static final String ID = "id";
    /** {@code guide}, {@code docs} or {@code issue}. */
    public static final String TYPE = "type";
    public static final String REPO = "repo";
    public static final String PATH = "path";
    public static final String ANCHOR = "anchor";
    public static final String URL = "url";
    public static final String TITLE = "title";
    /** The docs page's H1, searched with a lower weight than the section's own heading. */
    public static final String PAGE = "page";
    public static final String BODY = "body";
    public static final String CODE = "code";
    public static final String COMMAND = "command";
    /** Words users say for a guide section that the guide itself does not use (guide-hints.txt). */
    public static final String HINTS = "hints";
    /** The questions a guide section answers ({@code guide-questions.txt}), as words. */
    public static final String QUESTIONS = "questions";
    // Issues only: their own text fields, so issue statistics never skew the guide/docs ranking.
    public static final String ISSUE_TITLE = "ititle";
    public static final String ISSUE_BODY = "ibody";
    public static final String LABELS = "labels";
    public static final String NUMBER = "number";
    public static final String STATE = "state";
    public static final String PULL_REQUEST = "pr";
    /** Error signatures (normalised error lines, panic frames), searched as phrases with weight. */
    public static final String SIGNATURE = "sig";
    public static final String RECORD = "record";
    // Meaning: vectors of the embedding model, one graph for guide/docs chunks and one for issues.
    /** A window of a guide/docs section ({@code type:chunk}): its vector and the section it belongs to. */
    public static final String CHUNK_OF = "chunkof";
    public static final String SECTION_VECTOR = "svec";
    public static final String ISSUE_VECTOR = "ivec";
    /** {@link dev.buildkitbot.knowledge.embed.TextKey} of the text a document's vector is (or would be) made from. */
    public static final String VECTOR_KEY = "vkey";
    /** The model an issue's vector was made with; absent while the issue waits for its vector. */
    public static final String VECTOR_MODEL = "vmodel";

    private Fields() {
    }
}
