// SourceRange.h — a half-open byte range in one loaded source file. Every
// AST node and diagnostic carries one; it has no dependency on LLVM so the
// AST can be used without it.
#pragma once

#include <cstdint>

namespace escalade::source {

/// A byte range [begin, end) in the file with the given id. File id 0 means
/// "no location" (a finding about a file as a whole, or a tool problem).
struct SourceRange {
  uint32_t file = 0;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool isValid() const { return file != 0; }
  bool empty() const { return begin == end; }

  /// The smallest range covering both; either may be invalid.
  static SourceRange cover(SourceRange a, SourceRange b) {
    if (!a.isValid())
      return b;
    if (!b.isValid())
      return a;
    return {a.file, a.begin < b.begin ? a.begin : b.begin,
            a.end > b.end ? a.end : b.end};
  }

  friend bool operator==(const SourceRange &, const SourceRange &) = default;
};

/// A 1-based line and column. Columns count Unicode code points, not bytes,
/// so that "–" in a title counts as one character as a reader sees it.
struct LineColumn {
  unsigned line = 0;
  unsigned column = 0;
};

} // namespace escalade::source
