// SourceTextTest.cpp — the bytes check before lexing: UTF-8 text passes,
// binaries and malformed sequences are refused at the first bad byte, and
// code-point indices map back to byte offsets.
#include "parse/SourceText.h"

#include <gtest/gtest.h>

namespace escalade::parse {
namespace {

struct EncodingCase {
  const char *name;
  std::string bytes;
  bool valid;
  uint32_t badOffset;
};

class Encodings : public ::testing::TestWithParam<EncodingCase> {};

TEST_P(Encodings, AreAcceptedOrRefusedAtTheFirstBadByte) {
  const EncodingCase &c = GetParam();
  diag::DiagnosticEngine diags;
  bool ok = checkSourceText(c.bytes, 1, diags);
  EXPECT_EQ(ok, c.valid) << c.name;
  if (!c.valid) {
    ASSERT_EQ(diags.diagnostics().size(), 1u) << c.name;
    EXPECT_EQ(diags.diagnostics()[0].name(), "invalid-encoding");
    EXPECT_EQ(diags.diagnostics()[0].range.begin, c.badOffset) << c.name;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Utf8, Encodings,
    ::testing::Values(EncodingCase{"ascii", "procedure", true, 0},
                      EncodingCase{"en dash", "a \xE2\x80\x93 b", true, 0},
                      EncodingCase{"four bytes", "\xF0\x9F\x98\x80", true, 0},
                      EncodingCase{"bom", "\xEF\xBB\xBFprocedure", true, 0},
                      EncodingCase{"nul", std::string("ab\0c", 4), false, 2},
                      EncodingCase{"latin-1 pound",
                                   "cost \xA3"
                                   "5",
                                   false, 5},
                      EncodingCase{"windows-1252 dash", "a \x96 b", false, 2},
                      EncodingCase{"overlong slash", "x\xC0\xAF", false, 1},
                      EncodingCase{"overlong three", "x\xE0\x80\xAF", false, 1},
                      EncodingCase{"surrogate", "x\xED\xA0\x80", false, 1},
                      EncodingCase{"beyond unicode", "x\xF4\x90\x80\x80", false,
                                   1},
                      EncodingCase{"truncated", "abc\xE2\x80", false, 3}));

TEST(OffsetMap, AsciiIsTheIdentityPlusTheBom) {
  std::string text = "\xEF\xBB\xBF"
                     "abc";
  OffsetMap map(text, 3);
  EXPECT_EQ(map.byteOffset(0), 3u);
  EXPECT_EQ(map.byteOffset(2), 5u);
  EXPECT_EQ(map.byteOffset(99), 6u);
}

TEST(OffsetMap, MultiByteCharactersCountOnce) {
  std::string text = "a\xE2\x80\x93"
                     "b\xF0\x9F\x98\x80"
                     "c";
  OffsetMap map(text, 0);
  EXPECT_EQ(map.byteOffset(0), 0u); // a
  EXPECT_EQ(map.byteOffset(1), 1u); // –
  EXPECT_EQ(map.byteOffset(2), 4u); // b
  EXPECT_EQ(map.byteOffset(3), 5u); // 😀
  EXPECT_EQ(map.byteOffset(4), 9u); // c
  EXPECT_EQ(map.byteOffset(5), 10u);
}

} // namespace
} // namespace escalade::parse
