// CheckCommand.h — `escc check PATH...`: parse and check procedures, print
// the findings as text, JSON, SARIF or GitHub annotations, and exit 0
// (no errors), 1 (errors) or 2 (input problems).
#pragma once

#include "diagnostics/Diagnostic.h"

#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace escalade::driver {

enum class OutputFormat { Text, Json, Sarif, Github };

struct CheckOptions {
  std::vector<std::string> paths;
  OutputFormat format = OutputFormat::Text;
  bool colors = false;
  bool dumpAST = false;
  bool parseOnly = false;
  bool warningsAsErrors = false;
  /// --error, --warning, --ignore: severity for named checks, in order.
  std::vector<std::pair<diag::DiagKind, diag::Severity>> severities;
  /// The day `review-overdue` compares with.
  std::chrono::sys_days today;
};

int runCheck(const CheckOptions &options, llvm::raw_ostream &out,
             llvm::raw_ostream &err);

} // namespace escalade::driver
