// SyntaxErrorReporter.cpp — ranges for tokens, one error per line, a cap.
#include "parse/SyntaxErrorReporter.h"

#include <string>

namespace escalade::parse {

source::SourceRange SyntaxErrorReporter::rangeOf(const antlr4::Token *t) const {
  size_t start = t->getStartIndex();
  size_t stop = t->getStopIndex();
  uint32_t begin = Offsets.byteOffset(start);
  // EOF and synthetic tokens have stop < start: an empty range.
  uint32_t end = stop + 1 > start && stop != static_cast<size_t>(-1)
                     ? Offsets.byteOffset(stop + 1)
                     : begin;
  return {File, begin, end};
}

source::SourceRange
SyntaxErrorReporter::pointAfter(const antlr4::Token *t) const {
  source::SourceRange r = rangeOf(t);
  return {File, r.end, r.end};
}

void SyntaxErrorReporter::report(size_t line, diag::DiagKind kind,
                                 source::SourceRange range, std::string message,
                                 std::vector<diag::Note> notes,
                                 std::vector<diag::FixIt> fixes) {
  if (!FailedLines.insert(line).second)
    return;
  auto b = Diags.report(kind, range, std::move(message));
  for (diag::Note &n : notes)
    b.note(n.range, std::move(n.message));
  for (diag::FixIt &f : fixes)
    b.fix(f.range, std::move(f.replacement));
  if (++Count >= MaxSyntaxErrors) {
    b.note("stopping after " + std::to_string(MaxSyntaxErrors) +
           " syntax errors in this file; correct these and check again");
    throw StopParsing{};
  }
}

} // namespace escalade::parse
