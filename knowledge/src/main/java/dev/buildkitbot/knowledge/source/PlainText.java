package dev.buildkitbot.knowledge.source;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

import java.util.regex.Pattern;

/**
 * A Markdown block as a reader sees it, for indexing and snippets: link text without its address
 * (the answer links to the page itself), code spans in backticks (Slack shows them as code),
 * images dropped (a README's badges are not an answer), inline HTML dropped, list items one per
 * line, and GitHub/Hugo callouts ({@code > [!NOTE]}) as a plain "Note:". commonmark's own text
 * renderer quotes both links and code spans, which printed {@code ""registry""} in answers.
 */
final class PlainText {
    private static final Pattern CALLOUT = Pattern.compile("\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");

    private PlainText() {
    }

    static String of(Node block) {
        StringBuilder sb = new StringBuilder();
        block.accept(new Visitor(sb));
        String text = CALLOUT.matcher(sb).replaceAll(m -> capitalised(m.group(1)) + ": ");
        return SPACES.matcher(text).replaceAll(" ").replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String capitalised(String word) {
        return word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static final class Visitor extends AbstractVisitor {
        private final StringBuilder sb;

        Visitor(StringBuilder sb) {
            this.sb = sb;
        }

        @Override
        public void visit(Text text) {
            sb.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            sb.append('`').append(code.getLiteral()).append('`');
        }

        @Override
        public void visit(Image image) {
            // Badges and screenshots: nothing a reader of a text answer can use.
        }

        @Override
        public void visit(HtmlInline html) {
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            sb.append(' ');
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            sb.append('\n');
        }

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            sb.append("\n\n");
        }

        @Override
        public void visit(BulletList list) {
            visitChildren(list);
            sb.append('\n');
        }

        @Override
        public void visit(OrderedList list) {
            int n = list.getStartNumber();
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                sb.append(n++).append(". ");
                visitChildren(item);
                trimParagraphEnd();
            }
            sb.append('\n');
        }

        @Override
        public void visit(ListItem item) {
            sb.append("- ");
            visitChildren(item);
            trimParagraphEnd();
        }

        /** A list item's paragraphs end its line, not a blank one. */
        private void trimParagraphEnd() {
            while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\n') {
                sb.setLength(sb.length() - 1);
            }
            sb.append('\n');
        }
    }
}
