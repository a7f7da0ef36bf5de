// SarifRenderer.h — findings as a SARIF 2.1.0 log, for code-scanning
// services: one run, with a rule (and its explanation and fix) for every
// kind of finding escc can make, and a result for each finding.
#pragma once

#include "diagnostics/DiagnosticEngine.h"
#include "source/SourceManager.h"

#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace escalade::diag {

struct SarifRun {
  std::string toolVersion;
  /// The folder paths are relative to (SARIF's SRCROOT): usually the
  /// current folder, as an absolute path.
  std::string sourceRoot;
  /// Paths that could not be read; reported as tool notifications.
  std::vector<std::string> inputProblems;
};

llvm::json::Value sarifLog(const source::SourceManager &sources,
                           const DiagnosticEngine &engine, const SarifRun &run);

} // namespace escalade::diag
