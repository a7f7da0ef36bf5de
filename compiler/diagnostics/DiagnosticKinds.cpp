// DiagnosticKinds.cpp — the table generated from DiagnosticKinds.def, and
// lookups by kind and by stable name.
#include "diagnostics/Diagnostic.h"

#include <array>

namespace escalade::diag {

static constexpr KindInfo Kinds[] = {
#define DIAGNOSTIC(Id, Name, Sev, Summary)                                     \
  {DiagKind::Id, Name, Severity::Sev, Summary},
#include "diagnostics/DiagnosticKinds.def"
};

std::string_view severityName(Severity s) {
  switch (s) {
  case Severity::Ignored:
    return "ignored";
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "error";
}

const KindInfo &kindInfo(DiagKind kind) {
  return Kinds[static_cast<size_t>(kind)];
}

std::span<const KindInfo> allKinds() { return Kinds; }

std::optional<DiagKind> kindByName(std::string_view name) {
  for (const KindInfo &k : Kinds)
    if (k.name == name)
      return k.kind;
  return std::nullopt;
}

} // namespace escalade::diag
