package dev.buildkitbot.knowledge.source;

import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Markdown document into {@link Section}s at headings up to {@code splitLevel}, with
 * anchors computed the way GitHub computes them (lower case, punctuation dropped, spaces to
 * dashes, {@code -1}, {@code -2} for repeats).
 */
public final class MarkdownSectionParser {
    private static final Parser PARSER = Parser.builder().build();

    private final int splitLevel;
    private final boolean keepPreamble;

    /**
     * @param splitLevel   headings at this level or above start a new section (2 for the guide:
     *                     H3s stay inside their H2)
     * @param keepPreamble whether the text before the first split heading is a section of its own
     *                     (it is for docs pages, whose intro follows the H1; the guide's is its TOC)
     */
    public MarkdownSectionParser(int splitLevel, boolean keepPreamble) {
        this.splitLevel = splitLevel;
        this.keepPreamble = keepPreamble;
    }

    public static MarkdownSectionParser forGuide() {
        return new MarkdownSectionParser(2, false);
    }

    public static MarkdownSectionParser forDocs() {
        return new MarkdownSectionParser(3, true);
    }

    public List<Section> parse(String markdown, String source, String repo, String path) {
        FrontMatter front = FrontMatter.split(markdown);
        Node document = PARSER.parse(front.body());
        IdGenerator ids = IdGenerator.builder().build();
        List<Section> sections = new ArrayList<>();
        String pageTitle = front.title();
        // Text before the first heading (docs pages with a front-matter title and no H1) links to the page itself.
        Builder current = keepPreamble ? new Builder(source, repo, path, "", pageTitle) : null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                String title = headingText(heading).strip();
                String anchor = ids.generateId(title);
                if (heading.getLevel() == 1 && pageTitle.isEmpty()) {
                    pageTitle = title;
                }
                if (heading.getLevel() <= splitLevel) {
                    addIfUseful(sections, current, pageTitle);
                    boolean preamble = heading.getLevel() < splitLevel && heading.getLevel() == 1;
                    current = (preamble && !keepPreamble) ? null : new Builder(source, repo, path, anchor, title);
                    continue;
                }
                if (current != null) {
                    current.text.append(title).append("\n\n");
                }
                continue;
            }
            if (current == null || node instanceof HtmlBlock) {
                continue;
            }
            if (node instanceof FencedCodeBlock code) {
                current.commands.add(code.getLiteral().stripTrailing());
                current.text.append(code.getLiteral()).append('\n');
            } else if (node instanceof IndentedCodeBlock code) {
                current.commands.add(code.getLiteral().stripTrailing());
                current.text.append(code.getLiteral()).append('\n');
            } else {
                String text = PlainText.of(node);
                if (!text.isEmpty()) {
                    current.text.append(text).append("\n\n");
                }
            }
        }
        addIfUseful(sections, current, pageTitle);
        return sections;
    }

    private static void addIfUseful(List<Section> sections, Builder b, String pageTitle) {
        if (b == null) {
            return;
        }
        String text = b.text.toString().strip();
        if (text.isEmpty() && b.commands.isEmpty()) {
            return;
        }
        String page = b.title.equals(pageTitle) ? "" : pageTitle;
        String title = b.title.isEmpty() ? b.path : b.title;
        String url = "https://github.com/" + b.repo + "/blob/master/" + b.path + (b.anchor.isEmpty() ? "" : "#" + b.anchor);
        sections.add(new Section(b.source, b.repo, b.path, b.anchor, title, page, text, b.commands, url));
    }

    /** GitHub derives the anchor from the heading's rendered text: code spans count, HTML tags do not. */
    static String headingText(Heading heading) {
        StringBuilder sb = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }
        });
        return sb.toString();
    }

    private static final class Builder {
        final String source;
        final String repo;
        final String path;
        final String anchor;
        final String title;
        final StringBuilder text = new StringBuilder();
        final List<String> commands = new ArrayList<>();

        Builder(String source, String repo, String path, String anchor, String title) {
            this.source = source;
            this.repo = repo;
            this.path = path;
            this.anchor = anchor;
            this.title = title;
        }
    }
}
