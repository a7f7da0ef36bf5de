// Diagnostic.h — a finding as plain data: its kind (with a stable name),
// severity, source range, message, notes carrying the evidence, and fixes.
// Nothing here prints; renderers (TextRenderer, JsonRenderer) do that.
#pragma once

#include "source/SourceRange.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace escalade::diag {

using source::SourceRange;

enum class Severity : uint8_t { Ignored, Note, Warning, Error };

std::string_view severityName(Severity s);

enum class DiagKind : uint16_t {
#define DIAGNOSTIC(Id, Name, Severity, Summary) Id,
#include "diagnostics/DiagnosticKinds.def"
};

struct KindInfo {
  DiagKind kind;
  std::string_view name;
  Severity defaultSeverity;
  std::string_view summary;
};

const KindInfo &kindInfo(DiagKind kind);

/// What a kind of finding means, a procedure that triggers it, and the fix
/// (CheckDocs.def): the text of `escc explain` and docs/checks.md.
struct CheckDoc {
  std::string_view explanation;
  std::string_view example;
  std::string_view fix;
};
const CheckDoc &checkDoc(DiagKind kind);
std::span<const KindInfo> allKinds();
std::optional<DiagKind> kindByName(std::string_view name);

/// Evidence attached to a finding: "first defined here", "this path takes
/// 12 working days". A note may have no location.
struct Note {
  SourceRange range;
  std::string message;
};

/// A suggested edit: replace the text in `range` (empty to insert).
struct FixIt {
  SourceRange range;
  std::string replacement;
};

struct Diagnostic {
  DiagKind kind;
  Severity severity;
  SourceRange range;
  std::string message;
  std::vector<Note> notes;
  std::vector<FixIt> fixes;
  /// File a finding without a range is about (file id), if any.
  uint32_t file = 0;

  std::string_view name() const { return kindInfo(kind).name; }
  uint32_t fileId() const { return range.isValid() ? range.file : file; }
};

} // namespace escalade::diag
