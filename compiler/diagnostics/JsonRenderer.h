// JsonRenderer.h — findings as JSON (the shape is documented in
// docs/diagnostics-json.md). Positions are 1-based lines and code-point
// columns, plus the byte offset.
#pragma once

#include "diagnostics/DiagnosticEngine.h"
#include "source/SourceManager.h"

#include "llvm/Support/JSON.h"

namespace escalade::diag {

/// {"path", "start": {line, column, offset}, "end": {...}}; only "path" for a
/// finding about a whole file; null when there is no file at all.
llvm::json::Value locationToJson(const source::SourceManager &sources,
                                 uint32_t file, SourceRange range);

llvm::json::Value diagnosticToJson(const source::SourceManager &sources,
                                   const Diagnostic &d);

llvm::json::Array diagnosticsToJson(const source::SourceManager &sources,
                                    const DiagnosticEngine &engine);

} // namespace escalade::diag
