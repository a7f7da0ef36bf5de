// SyntaxErrorReporter.h — the one place syntax errors go. It turns ANTLR
// tokens into byte ranges, keeps to one syntax error per line (the first
// mistake on a line explains the rest), remembers which lines failed, and
// stops the parse after MaxSyntaxErrors.
#pragma once

#include "diagnostics/DiagnosticEngine.h"
#include "parse/SourceText.h"

#include "Token.h"

#include <set>
#include <string>
#include <vector>

namespace escalade::parse {

inline constexpr unsigned MaxSyntaxErrors = 20;

/// Thrown (and caught in parseFile) when a file has too many syntax errors.
struct StopParsing {};

class SyntaxErrorReporter {
public:
  SyntaxErrorReporter(diag::DiagnosticEngine &diags, uint32_t file,
                      const OffsetMap &offsets)
      : Diags(diags), File(file), Offsets(offsets) {}

  source::SourceRange rangeOf(const antlr4::Token *t) const;
  /// The empty range just after a token: where a missing word belongs.
  source::SourceRange pointAfter(const antlr4::Token *t) const;
  uint32_t fileId() const { return File; }

  /// Reports a finding for a line unless that line already has one.
  /// Throws StopParsing once the limit is reached.
  void report(size_t line, diag::DiagKind kind, source::SourceRange range,
              std::string message, std::vector<diag::Note> notes = {},
              std::vector<diag::FixIt> fixes = {});

  bool lineFailed(size_t line) const { return FailedLines.count(line) != 0; }
  bool anyFailed() const { return !FailedLines.empty(); }
  /// True if a line in [first, last] has a syntax error.
  bool anyFailedBetween(size_t first, size_t last) const {
    auto it = FailedLines.lower_bound(first);
    return it != FailedLines.end() && *it <= last;
  }

private:
  diag::DiagnosticEngine &Diags;
  uint32_t File;
  const OffsetMap &Offsets;
  std::set<size_t> FailedLines;
  unsigned Count = 0;
};

} // namespace escalade::parse
