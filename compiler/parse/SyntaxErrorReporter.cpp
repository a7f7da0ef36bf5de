// SyntaxErrorReporter.cpp — ranges for tokens, one finding per line, a cap.
#include "parse/SyntaxErrorReporter.h"

#include <fmt/format.h>

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

void SyntaxErrorReporter::hold(size_t line, Held finding) {
  auto [it, inserted] = ByLine.try_emplace(line, finding);
  if (inserted)
    return;
  Held &held = it->second;
  bool better = finding.rank != held.rank
                    ? finding.rank > held.rank
                    : finding.range.begin < held.range.begin;
  if (better)
    held = std::move(finding);
}

void SyntaxErrorReporter::report(size_t line, diag::DiagKind kind,
                                 source::SourceRange range, std::string message,
                                 std::vector<diag::Note> notes,
                                 std::vector<diag::FixIt> fixes) {
  FailedLines.insert(line);
  hold(line, {Rank::Syntax, kind, range, std::move(message), std::move(notes),
              std::move(fixes)});
}

void SyntaxErrorReporter::reportLexical(size_t line, diag::DiagKind kind,
                                        source::SourceRange range,
                                        std::string message,
                                        std::vector<diag::FixIt> fixes) {
  FailedLines.insert(line);
  hold(line,
       {Rank::Lexical, kind, range, std::move(message), {}, std::move(fixes)});
}

void SyntaxErrorReporter::reportLine(size_t line, diag::DiagKind kind,
                                     source::SourceRange range,
                                     std::string message,
                                     std::vector<diag::Note> notes,
                                     std::vector<diag::FixIt> fixes) {
  hold(line, {Rank::Other, kind, range, std::move(message), std::move(notes),
              std::move(fixes)});
}

void SyntaxErrorReporter::flush() {
  unsigned emitted = 0;
  for (auto &[line, held] : ByLine) {
    auto b = Diags.report(held.kind, held.range, std::move(held.message));
    for (diag::Note &n : held.notes)
      b.note(n.range, std::move(n.message));
    for (diag::FixIt &f : held.fixes)
      b.fix(f.range, std::move(f.replacement));
    if (++emitted == MaxSyntaxErrors && ByLine.size() > MaxSyntaxErrors) {
      b.note(fmt::format("{} more lines of this file have problems; "
                         "showing the first {}: correct these and check "
                         "again",
                         ByLine.size() - MaxSyntaxErrors, MaxSyntaxErrors));
      break;
    }
  }
  ByLine.clear();
}

} // namespace escalade::parse
