// DiagnosticKinds.cpp — the table generated from DiagnosticKinds.def, and
// lookups by kind and by stable name.
#include "diagnostics/Diagnostic.h"

#include <array>
#include <iterator>

namespace escalade::diag {

static constexpr KindInfo Kinds[] = {
#define DIAGNOSTIC(Id, Name, Sev, Summary)                                     \
  {DiagKind::Id, Name, Severity::Sev, Summary},
#include "diagnostics/DiagnosticKinds.def"
};

static constexpr CheckDoc Docs[] = {
#define CHECK_DOC(Id, Explanation, Example, Fix) {Explanation, Example, Fix},
#include "diagnostics/CheckDocs.def"
};

// Both tables are indexed by kind, so they must list the kinds in the same
// order; the ids below make a mismatch a compile error.
static constexpr DiagKind DocOrder[] = {
#define CHECK_DOC(Id, Explanation, Example, Fix) DiagKind::Id,
#include "diagnostics/CheckDocs.def"
};
static constexpr bool docsInKindOrder() {
  if (std::size(DocOrder) != std::size(Kinds))
    return false;
  for (size_t i = 0; i < std::size(DocOrder); ++i)
    if (DocOrder[i] != Kinds[i].kind)
      return false;
  return true;
}
static_assert(docsInKindOrder(),
              "CheckDocs.def must document every kind of DiagnosticKinds.def, "
              "in the same order");

const CheckDoc &checkDoc(DiagKind kind) {
  return Docs[static_cast<size_t>(kind)];
}

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
