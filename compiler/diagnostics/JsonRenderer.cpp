// JsonRenderer.cpp — findings as llvm::json values.
#include "diagnostics/JsonRenderer.h"

namespace escalade::diag {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

static Value position(const source::SourceManager &sources, uint32_t file,
                      uint32_t offset) {
  source::LineColumn lc = sources.lineColumn(file, offset);
  return Object{{"line", lc.line}, {"column", lc.column}, {"offset", offset}};
}

Value locationToJson(const source::SourceManager &sources, uint32_t file,
                     SourceRange range) {
  if (range.isValid())
    file = range.file;
  if (file == 0)
    return nullptr;
  Object location{{"path", sources.path(file)}};
  if (range.isValid()) {
    location["start"] = position(sources, file, range.begin);
    location["end"] = position(sources, file, range.end);
  }
  return location;
}

Value diagnosticToJson(const source::SourceManager &sources,
                       const Diagnostic &d) {
  Array notes;
  for (const Note &n : d.notes)
    notes.push_back(Object{{"message", n.message},
                           {"location", locationToJson(sources, 0, n.range)}});
  Array fixes;
  for (const FixIt &f : d.fixes)
    fixes.push_back(Object{{"location", locationToJson(sources, 0, f.range)},
                           {"replacement", f.replacement}});
  return Object{{"check", llvm::StringRef(d.name())},
                {"severity", llvm::StringRef(severityName(d.severity))},
                {"message", d.message},
                {"location", locationToJson(sources, d.fileId(), d.range)},
                {"notes", std::move(notes)},
                {"fixes", std::move(fixes)}};
}

Array diagnosticsToJson(const source::SourceManager &sources,
                        const DiagnosticEngine &engine) {
  Array out;
  for (const Diagnostic &d : engine.diagnostics())
    out.push_back(diagnosticToJson(sources, d));
  return out;
}

} // namespace escalade::diag
