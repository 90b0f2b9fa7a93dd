package dev.buildkitbot.knowledge.source;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownSectionParserTest {
    static final Path GUIDE = Path.of("..", "..", "shared", "knowledge", "issue_reporting_guide.md");

    @Test
    void guideSectionsHaveExactlyTheAnchorsOfTheGuidesOwnTableOfContents() throws Exception {
        String markdown = Files.readString(GUIDE);
        List<String> tocAnchors = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\* \\[[^]]+]\\(#([^)]+)\\)").matcher(markdown);
        while (m.find()) {
            tocAnchors.add(m.group(1));
        }
        assertThat(tocAnchors).hasSize(12).contains("reporting-panicserror-returns");

        List<Section> sections = MarkdownSectionParser.forGuide().parse(markdown, "guide", "moby/buildkit", ".github/issue_reporting_guide.md");

        assertThat(sections).extracting(Section::anchor).containsExactlyElementsOf(tocAnchors);
    }

    @Test
    void guideSectionsKeepTheirCommandsVerbatimAndLinkToTheirAnchor() throws Exception {
        List<Section> sections = MarkdownSectionParser.forGuide().parse(Files.readString(GUIDE), "guide", "moby/buildkit", ".github/issue_reporting_guide.md");
        Section deadlock = sections.stream().filter(s -> s.anchor().equals("reporting-deadlock")).findFirst().orElseThrow();

        assertThat(deadlock.title()).isEqualTo("Reporting deadlock");
        assertThat(deadlock.commands()).containsExactly("curl \"http://127.0.0.1:6060/debug/pprof/goroutine?debug=2\"");
        assertThat(deadlock.text()).contains("SIGQUIT").contains("--debugaddr 127.0.0.1:6060");
        assertThat(deadlock.url()).isEqualTo("https://github.com/moby/buildkit/blob/master/.github/issue_reporting_guide.md#reporting-deadlock");

        Section regressions = sections.stream().filter(s -> s.anchor().equals("regressions")).findFirst().orElseThrow();
        assertThat(regressions.commands()).anySatisfy(c -> assertThat(c).contains("git bisect start").contains("\n"));
    }

    @Test
    void docsPagesSplitAtH1ToH3WithGitHubAnchorsAndRepeatedHeadingsNumbered() {
        String md = """
                # My `buildctl` page
                Intro text.
                ## Usage (--flag)
                Use it.
                #### Deep heading stays inside
                deep text
                ## Usage (--flag)
                Again.
                <!-- a comment -->
                """;
        List<Section> sections = MarkdownSectionParser.forDocs().parse(md, "docs", "moby/buildkit", "docs/x.md");

        assertThat(sections).extracting(Section::anchor).containsExactly("my-buildctl-page", "usage---flag", "usage---flag-1");
        assertThat(sections.get(1).text()).contains("deep text").contains("Deep heading stays inside");
        assertThat(sections.get(1).pageTitle()).isEqualTo("My buildctl page");
        assertThat(sections.get(2).text()).doesNotContain("comment");
        assertThat(sections.get(1).url()).isEqualTo("https://github.com/moby/buildkit/blob/master/docs/x.md#usage---flag");
    }

    @Test
    void frontMatterTitleNamesThePreambleInsteadOfBecomingAHeading() {
        String md = "---\ntitle: SBOMs\n---\n\nBuildKit supports SBOMs.\n\n## Output\n\nJSON.\n";
        List<Section> sections = MarkdownSectionParser.forDocs().parse(md, "docs", "moby/buildkit", "docs/attestations/sbom.md");

        assertThat(sections).extracting(Section::title).containsExactly("SBOMs", "Output");
        assertThat(sections.get(0).url()).isEqualTo("https://github.com/moby/buildkit/blob/master/docs/attestations/sbom.md");
        assertThat(sections.get(0).text()).isEqualTo("BuildKit supports SBOMs.");
        assertThat(sections.get(1).pageTitle()).isEqualTo("SBOMs");
    }

    @Test
    void sectionTextReadsAsTextWithoutMarkupArtefacts() throws Exception {
        // Real shapes: buildx_build.md's cache types (links around code spans), buildx's README badges and callout.
        Path buildx = Path.of("..", "..", "shared", "knowledge", "upstream-buildx");
        List<Section> build = MarkdownSectionParser.forDocs().parse(Files.readString(buildx.resolve("docs/reference/buildx_build.md")),
                "docs", "docker/buildx", "docs/reference/buildx_build.md");
        Section cacheTo = build.stream().filter(s -> s.anchor().startsWith("export-build-cache-to-an-external-cache-destination")).findFirst().orElseThrow();
        assertThat(cacheTo.text()).contains("`registry`").doesNotContain("\"\"registry\"\"").doesNotContain("](");

        List<Section> readme = MarkdownSectionParser.forDocs().parse(Files.readString(buildx.resolve("README.md")),
                "docs", "docker/buildx", "README.md");
        assertThat(readme).allSatisfy(s -> assertThat(s.text()).doesNotContain("![").doesNotContain("[!NOTE]")
                .doesNotContain("«").doesNotContainPattern("\\bbadge\\b"));
        assertThat(readme.stream().map(Section::text).toList()).anySatisfy(t -> assertThat(t).containsPattern("(Note|Important|Warning|Tip): "));
    }
}
