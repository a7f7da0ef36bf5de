// SyntaxErrorReporter.h — the one place findings about single lines go
// while a file is parsed. It turns ANTLR tokens into byte ranges and keeps
// one finding per line: a syntax error beats any other finding, and of two
// syntax errors the earlier on the line wins (the first mistake explains the
// rest). Findings are held until flush(), which emits them in line order,
// at most MaxSyntaxErrors of them.
#pragma once

#include "diagnostics/DiagnosticEngine.h"
#include "parse/SourceText.h"

#include "Token.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace escalade::parse {

inline constexpr unsigned MaxSyntaxErrors = 20;

class SyntaxErrorReporter {
public:
  SyntaxErrorReporter(diag::DiagnosticEngine &diags, uint32_t file,
                      const OffsetMap &offsets)
      : Diags(diags), File(file), Offsets(offsets) {}

  source::SourceRange rangeOf(const antlr4::Token *t) const;
  /// The empty range just after a token: where a missing word belongs.
  source::SourceRange pointAfter(const antlr4::Token *t) const;

  /// A syntax error: the line did not parse as written.
  void report(size_t line, diag::DiagKind kind, source::SourceRange range,
              std::string message, std::vector<diag::Note> notes = {},
              std::vector<diag::FixIt> fixes = {});
  /// A character or string the lexer could not make sense of. It explains
  /// any parse error later found on its line, so it is the one reported.
  void reportLexical(size_t line, diag::DiagKind kind,
                     source::SourceRange range, std::string message,
                     std::vector<diag::FixIt> fixes = {});
  /// Another finding about a line that parsed (misplaced, repeated, a date
  /// that does not exist); dropped if the line already has a finding.
  void reportLine(size_t line, diag::DiagKind kind, source::SourceRange range,
                  std::string message, std::vector<diag::Note> notes = {},
                  std::vector<diag::FixIt> fixes = {});

  bool lineFailed(size_t line) const { return FailedLines.count(line) != 0; }
  /// True if a line in [first, last] has a syntax error.
  bool anyFailedBetween(size_t first, size_t last) const {
    auto it = FailedLines.lower_bound(first);
    return it != FailedLines.end() && *it <= last;
  }

  /// Emits the findings held, in line order.
  void flush();

private:
  /// Which finding a line keeps: the highest rank, then the earliest.
  enum class Rank { Other, Syntax, Lexical };
  struct Held {
    Rank rank;
    diag::DiagKind kind;
    source::SourceRange range;
    std::string message;
    std::vector<diag::Note> notes;
    std::vector<diag::FixIt> fixes;
  };
  void hold(size_t line, Held finding);

  diag::DiagnosticEngine &Diags;
  uint32_t File;
  const OffsetMap &Offsets;
  std::set<size_t> FailedLines;
  std::map<size_t, Held> ByLine;
};

} // namespace escalade::parse
