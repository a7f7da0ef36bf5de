// TextRendererTest.cpp — the clang-style snippet: the caret under the right
// character whatever comes before it on the line, long lines shown as a
// window around the caret, invisible characters shown by number, notes and
// fixes after the finding.
#include "diagnostics/TextRenderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace escalade::diag {
namespace {

using ::testing::HasSubstr;

/// Renders one finding about bytes [begin, end) of `text`.
std::string render(const std::string &text, uint32_t begin, uint32_t end,
                   std::vector<FixIt> fixes = {},
                   std::vector<Note> notes = {}) {
  source::SourceManager sm;
  uint32_t f = sm.addBuffer("t.esc", text);
  for (FixIt &fix : fixes)
    fix.range.file = f;
  Diagnostic d{DiagKind::SyntaxError,
               Severity::Error,
               {f, begin, end},
               "message",
               notes,
               fixes,
               f};
  std::string out;
  llvm::raw_string_ostream os(out);
  TextRenderer(sm, os, /*colors=*/false).render(d);
  return os.str();
}

TEST(TextRenderer, CaretSitsUnderTheCharacterAfterMultiByteText) {
  // "– –" is 7 bytes but 3 characters; `x` is byte 14 and character 11.
  std::string out = render("  s \"\xE2\x80\x93 \xE2\x80\x93\" x\n", 14, 15);
  EXPECT_EQ(out, "t.esc:1:11: error: message [syntax-error]\n"
                 "  s \"\xE2\x80\x93 \xE2\x80\x93\" x\n"
                 "          ^\n");
}

TEST(TextRenderer, TabsExpandToEightColumns) {
  std::string out = render("\towner x\n", 7, 8);
  EXPECT_EQ(out, "t.esc:1:8: error: message [syntax-error]\n"
                 "        owner x\n"
                 "              ^\n");
}

TEST(TextRenderer, RangeIsUnderlinedAndFixShownBelow) {
  std::string out = render("    ower a\n", 4, 8, {{{0, 4, 8}, "owner"}});
  EXPECT_EQ(out, "t.esc:1:5: error: message [syntax-error]\n"
                 "    ower a\n"
                 "    ^~~~\n"
                 "    owner\n");
}

TEST(TextRenderer, LongLinesShowAWindowAroundTheCaret) {
  std::string line(5000, 'a');
  line[3000] = 'X';
  std::string out = render(line + "\n", 3000, 3001);
  std::string snippet = out.substr(out.find('\n') + 1);
  std::string shown = snippet.substr(0, snippet.find('\n'));
  EXPECT_EQ(shown.size(), 3 + 160 + 3u);
  EXPECT_EQ(shown.substr(0, 3), "...");
  EXPECT_EQ(shown.substr(shown.size() - 3), "...");
  std::string caret = snippet.substr(snippet.find('\n') + 1);
  EXPECT_EQ(caret.find('^'), shown.find('X'));
}

TEST(TextRenderer, InvisibleCharactersAreShownByNumber) {
  std::string out = render("owner\xC2\xA0"
                           "a \x1B\n",
                           5, 7);
  EXPECT_THAT(out, HasSubstr("owner<U+00A0>a <U+001B>\n"
                             "     ^~~~~~~~\n"));
}

TEST(TextRenderer, NotesFollowWithTheirOwnPlaces) {
  std::string out = render("role a \"A\"\nrole a \"B\"\n", 16, 17, {},
                           {{{1, 5, 6}, "first here"}, {{}, "advice"}});
  EXPECT_THAT(out, HasSubstr("t.esc:1:6: note: first here\n"
                             "role a \"A\"\n"
                             "     ^\n"
                             "note: advice\n"));
}

TEST(TextRenderer, FindingAboutAWholeFileHasNoSnippet) {
  source::SourceManager sm;
  uint32_t f = sm.addBuffer("empty.esc", "");
  std::string out;
  llvm::raw_string_ostream os(out);
  TextRenderer(sm, os, false)
      .render({DiagKind::NoProcedure,
               Severity::Error,
               {},
               "no procedure",
               {},
               {},
               f});
  EXPECT_EQ(os.str(), "empty.esc: error: no procedure [no-procedure]\n");
}

} // namespace
} // namespace escalade::diag
