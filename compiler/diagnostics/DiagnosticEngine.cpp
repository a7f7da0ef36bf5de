// DiagnosticEngine.cpp — collecting findings and applying severity policy.
#include "diagnostics/DiagnosticEngine.h"

#include <algorithm>

namespace escalade::diag {

static constexpr size_t Dropped = static_cast<size_t>(-1);

DiagnosticBuilder &DiagnosticBuilder::note(SourceRange range,
                                           std::string message) {
  if (Index != Dropped)
    Engine->Diags[Index].notes.push_back({range, std::move(message)});
  return *this;
}

DiagnosticBuilder &DiagnosticBuilder::fix(SourceRange range,
                                          std::string replacement) {
  if (Index != Dropped)
    Engine->Diags[Index].fixes.push_back({range, std::move(replacement)});
  return *this;
}

void DiagnosticEngine::setSeverity(DiagKind kind, Severity severity) {
  size_t i = static_cast<size_t>(kind);
  if (Overrides.size() <= i)
    Overrides.resize(allKinds().size());
  Overrides[i] = severity;
}

Severity DiagnosticEngine::effectiveSeverity(DiagKind kind) const {
  size_t i = static_cast<size_t>(kind);
  if (i < Overrides.size() && Overrides[i])
    return *Overrides[i];
  Severity s = kindInfo(kind).defaultSeverity;
  if (WarningsAsErrors && s == Severity::Warning)
    return Severity::Error;
  return s;
}

DiagnosticBuilder DiagnosticEngine::report(DiagKind kind, SourceRange range,
                                           std::string message) {
  Severity s = effectiveSeverity(kind);
  if (s == Severity::Ignored)
    return DiagnosticBuilder(this, Dropped);
  Diags.push_back({kind, s, range, std::move(message), {}, {}, range.file});
  return DiagnosticBuilder(this, Diags.size() - 1);
}

DiagnosticBuilder DiagnosticEngine::reportFile(DiagKind kind, uint32_t file,
                                               std::string message) {
  DiagnosticBuilder b = report(kind, SourceRange{}, std::move(message));
  if (b.Index != Dropped)
    Diags[b.Index].file = file;
  return b;
}

void DiagnosticEngine::sortByLocation() {
  std::stable_sort(Diags.begin(), Diags.end(),
                   [](const Diagnostic &a, const Diagnostic &b) {
                     if (a.fileId() != b.fileId())
                       return a.fileId() < b.fileId();
                     return a.range.begin < b.range.begin;
                   });
}

unsigned DiagnosticEngine::count(Severity s) const {
  return std::count_if(Diags.begin(), Diags.end(),
                       [s](const Diagnostic &d) { return d.severity == s; });
}

size_t DiagnosticEngine::errorsSince(size_t mark) const {
  return std::count_if(
      Diags.begin() + mark, Diags.end(),
      [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

} // namespace escalade::diag
