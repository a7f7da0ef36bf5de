// SourceManagerTest.cpp — lines and character columns of byte offsets, with
// the awkward cases: CRLF line ends, a byte order mark, multi-byte
// characters, and lines far longer than any real one.
#include "source/SourceManager.h"

#include <gtest/gtest.h>

namespace escalade::source {
namespace {

struct Place {
  unsigned line, column;
  friend bool operator==(const Place &, const Place &) = default;
};

Place at(const SourceManager &sm, uint32_t file, uint32_t offset) {
  LineColumn lc = sm.lineColumn(file, offset);
  return {lc.line, lc.column};
}

TEST(SourceManager, ColumnsCountCharactersNotBytes) {
  SourceManager sm;
  // "a – b" : the dash is three bytes.
  uint32_t f = sm.addBuffer("t", "x\na \xE2\x80\x93 b\n");
  EXPECT_EQ(at(sm, f, 0), (Place{1, 1}));
  EXPECT_EQ(at(sm, f, 2), (Place{2, 1}));
  EXPECT_EQ(at(sm, f, 4), (Place{2, 3})); // the dash
  EXPECT_EQ(at(sm, f, 8), (Place{2, 5})); // "b", after 3 bytes of dash
  EXPECT_EQ(sm.lineText(f, 8), "a \xE2\x80\x93 b");
}

TEST(SourceManager, CarriageReturnsAreNotPartOfTheLine) {
  SourceManager sm;
  uint32_t f = sm.addBuffer("t", "ab\r\ncd\r\n");
  EXPECT_EQ(at(sm, f, 4), (Place{2, 1}));
  EXPECT_EQ(sm.lineText(f, 5), "cd");
  EXPECT_EQ(sm.lineText(f, 0), "ab");
}

TEST(SourceManager, ByteOrderMarkIsNotACharacterOfLineOne) {
  SourceManager sm;
  uint32_t f = sm.addBuffer("t", "\xEF\xBB\xBFprocedure\nx\n");
  EXPECT_EQ(at(sm, f, 3), (Place{1, 1}));
  EXPECT_EQ(at(sm, f, 5), (Place{1, 3}));
  EXPECT_EQ(sm.lineText(f, 5), "procedure");
  EXPECT_EQ(at(sm, f, 13), (Place{2, 1}));
}

TEST(SourceManager, OffsetsAtAndBeyondTheEnd) {
  SourceManager sm;
  uint32_t f = sm.addBuffer("t", "ab");
  EXPECT_EQ(at(sm, f, 2), (Place{1, 3}));
  EXPECT_EQ(at(sm, f, 99), (Place{1, 3}));
  EXPECT_EQ(sm.lineText(f, 99), "ab");
}

TEST(SourceManager, LongLinesAreCountedCorrectly) {
  // Past several of the internal counting blocks, with multi-byte
  // characters on both sides of block boundaries.
  std::string line;
  for (int i = 0; i < 2000; ++i)
    line += i % 7 == 0 ? "\xE2\x80\x99" : "a";
  SourceManager sm;
  uint32_t f = sm.addBuffer("t", "first\n" + line + "\n");
  size_t bytes = 0;
  unsigned chars = 0;
  for (size_t i = 0; i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
      ++chars;
      if (chars == 1500)
        bytes = i;
    }
  EXPECT_EQ(at(sm, f, 6 + bytes), (Place{2, 1500}));
}

} // namespace
} // namespace escalade::source
