// DiagnosticEngine.h — collects findings during a run. Checks report through
// it; the driver renders what it collected once, at the end. Severity
// overrides (--error NAME, --werror, ...) are applied as findings arrive.
#pragma once

#include "diagnostics/Diagnostic.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace escalade::diag {

class DiagnosticEngine;

/// Returned by report(): attaches notes and fixes to the finding just made.
/// A finding whose kind is ignored is dropped, and its builder does nothing.
class DiagnosticBuilder {
public:
  DiagnosticBuilder &note(SourceRange range, std::string message);
  DiagnosticBuilder &note(std::string message) {
    return note(SourceRange{}, std::move(message));
  }
  DiagnosticBuilder &fix(SourceRange range, std::string replacement);

private:
  friend class DiagnosticEngine;
  DiagnosticBuilder(DiagnosticEngine *engine, size_t index)
      : Engine(engine), Index(index) {}
  DiagnosticEngine *Engine;
  size_t Index;
};

class DiagnosticEngine {
public:
  DiagnosticBuilder report(DiagKind kind, SourceRange range,
                           std::string message);
  /// A finding about a whole file, without a position in it.
  DiagnosticBuilder reportFile(DiagKind kind, uint32_t file,
                               std::string message);

  /// Overrides the severity of one kind (Ignored drops it).
  void setSeverity(DiagKind kind, Severity severity);
  /// Treats every warning as an error (--werror); explicit overrides win.
  void setWarningsAsErrors(bool on) { WarningsAsErrors = on; }
  Severity effectiveSeverity(DiagKind kind) const;

  const std::vector<Diagnostic> &diagnostics() const { return Diags; }
  /// Orders findings by file, then position, keeping report order on ties.
  void sortByLocation();
  /// Removes the findings made since `mark` that `drop` says to remove (a
  /// finding set aside by an `allow` line); returns how many went.
  template <class Pred> size_t eraseSince(size_t mark, Pred drop) {
    auto from = Diags.begin() + static_cast<std::ptrdiff_t>(mark);
    auto end = std::remove_if(from, Diags.end(), drop);
    size_t removed = static_cast<size_t>(Diags.end() - end);
    Diags.erase(end, Diags.end());
    return removed;
  }

  unsigned count(Severity s) const;
  unsigned errorCount() const { return count(Severity::Error); }
  unsigned warningCount() const { return count(Severity::Warning); }
  bool hasErrors() const { return errorCount() != 0; }
  /// Number of findings reported since `mark` was taken with size().
  size_t size() const { return Diags.size(); }
  size_t errorsSince(size_t mark) const;

private:
  friend class DiagnosticBuilder;
  std::vector<Diagnostic> Diags;
  std::vector<std::optional<Severity>> Overrides;
  bool WarningsAsErrors = false;
};

} // namespace escalade::diag
