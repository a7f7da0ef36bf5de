// RenderTextTest.cpp — the text helpers every flowchart and document writer
// relies on: escaping for each format, wrapping, prose structure, and
// shortened titles.
#include "render/Escape.h"
#include "render/Prose.h"
#include "render/Wording.h"

#include <gtest/gtest.h>

using namespace escalade::render;

namespace {

TEST(EscapeTest, HtmlLeavesNoMarkupOrAttributeBreak) {
  EXPECT_EQ(escapeHtml("<script>a=\"b\" & 'c'</script>"),
            "&lt;script&gt;a=&quot;b&quot; &amp; &#39;c&#39;&lt;/script&gt;");
  EXPECT_EQ(escapeHtml("Stage 1 – Children’s"), "Stage 1 – Children’s");
}

TEST(EscapeTest, MarkdownEscapesInlineSyntax) {
  EXPECT_EQ(escapeMarkdown("*a* _b_ `c` [d](e) | <f> & ~g~ #h \\"),
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\| &lt;f&gt; &amp; \\~g\\~ "
            "\\#h \\\\");
}

TEST(EscapeTest, MarkdownLineStartsCannotOpenBlocks) {
  EXPECT_EQ(escapeMarkdown("- not a list"), "\\- not a list");
  EXPECT_EQ(escapeMarkdown("+ not a list"), "\\+ not a list");
  EXPECT_EQ(escapeMarkdown("12. not a list"), "12\\. not a list");
  EXPECT_EQ(escapeMarkdown("3) not a list"), "3\\) not a list");
  EXPECT_EQ(escapeMarkdown("==="), "\\===");
  // Mid-line they are ordinary text.
  EXPECT_EQ(escapeMarkdown("a - b 1. c"), "a - b 1. c");
  EXPECT_EQ(escapeMarkdown("Stage 2."), "Stage 2.");
}

TEST(EscapeTest, DotHtmlLabels) {
  EXPECT_EQ(escapeDotHtml("<b>\"x\" & y\nz"),
            "&lt;b&gt;&quot;x&quot; &amp; y z");
}

TEST(EscapeTest, DotStrings) {
  EXPECT_EQ(escapeDotString("a\"b\\c\nd"), "a\\\"b\\\\c d");
}

TEST(EscapeTest, MermaidUsesEntityCodesForSyntax) {
  EXPECT_EQ(escapeMermaid("a\"b"), "a#34;b");
  EXPECT_EQ(escapeMermaid("<x>"), "#60;x#62;");
  EXPECT_EQ(escapeMermaid("[|]{}#;`%"),
            "#91;#124;#93;#123;#125;#35;#59;#96;#37;");
  EXPECT_EQ(escapeMermaid("Stage 1 – (IRO), a/b: c?"),
            "Stage 1 – (IRO), a/b: c?");
  EXPECT_EQ(escapeMermaid("tab\there"), "tab here");
  // A colon before text could let Mermaid's style rewriting match.
  EXPECT_EQ(escapeMermaid("Lifestyle:&x"), "Lifestyle#58;#38;x");
}

TEST(EscapeTest, CollapseSpaces) {
  EXPECT_EQ(collapseSpaces("  a \t b\n\nc  "), "a b c");
}

TEST(WrapTest, BreaksAtSpacesWithinWidth) {
  std::vector<std::string> lines = wrapText("one two three four", 10);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "one two");
  EXPECT_EQ(lines[1], "three four");
}

TEST(WrapTest, CountsCharactersNotBytes) {
  // Eight characters, more bytes: still one line at width 8.
  EXPECT_EQ(wrapText("é–é–é–é–", 8).size(), 1u);
}

TEST(WrapTest, LongWordGetsItsOwnLine) {
  std::vector<std::string> lines = wrapText("a verylongword b", 4);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1], "verylongword");
}

TEST(WrapTest, EmptyTextIsOneEmptyLine) {
  EXPECT_EQ(wrapText("", 10), std::vector<std::string>{""});
}

TEST(ProseTest, ParagraphsAndLists) {
  std::vector<ProseBlock> blocks = parseProse("First line\n"
                                              "goes on.\n"
                                              "\n"
                                              "- item one\n"
                                              "  continued\n"
                                              "- item two\n"
                                              "Back at the margin.\n");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].kind, ProseBlock::Kind::Paragraph);
  EXPECT_EQ(blocks[0].items[0], "First line goes on.");
  EXPECT_EQ(blocks[1].kind, ProseBlock::Kind::List);
  ASSERT_EQ(blocks[1].items.size(), 2u);
  EXPECT_EQ(blocks[1].items[0], "item one continued");
  EXPECT_EQ(blocks[1].items[1], "item two");
  EXPECT_EQ(blocks[2].kind, ProseBlock::Kind::Paragraph);
  EXPECT_EQ(blocks[2].items[0], "Back at the margin.");
}

TEST(WordingTest, LongAsidesLeftOutOfBriefTitles) {
  EXPECT_EQ(withoutLongAsides("Service Manager (for example a senior health "
                              "visitor, nurse or GP)"),
            "Service Manager");
  EXPECT_EQ(withoutLongAsides("Independent Reviewing Officer (IRO)"),
            "Independent Reviewing Officer (IRO)");
  EXPECT_EQ(withoutLongAsides("Unclosed (aside goes on"),
            "Unclosed (aside goes on");
}

TEST(WordingTest, LowerFirstKeepsAcronyms) {
  EXPECT_EQ(lowerFirst("The child is in care"), "the child is in care");
  EXPECT_EQ(lowerFirst("MASH is involved"), "MASH is involved");
}

} // namespace
