// Frontend.h — reads, parses and checks a set of procedure files: the work
// every escc command starts with. Owns the sources and the findings.
#pragma once

#include "ast/AST.h"
#include "diagnostics/DiagnosticEngine.h"
#include "sema/Checks.h"
#include "source/SourceManager.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <vector>

namespace escalade::driver {

class Frontend {
public:
  /// Finds and reads the inputs; unusable paths become input problems.
  void load(llvm::ArrayRef<std::string> paths);
  /// Parses every loaded file and runs every check on it.
  void analyze(const sema::CheckOptions &options);

  source::SourceManager &sources() { return Sources; }
  const source::SourceManager &sources() const { return Sources; }
  diag::DiagnosticEngine &diagnostics() { return Diags; }
  const std::vector<ast::File> &files() const { return Files; }
  const std::vector<std::string> &inputProblems() const { return Problems; }
  size_t procedureCount() const;

  /// 2 for usage or input problems, 1 for findings at error level, else 0.
  int exitCode() const;

private:
  source::SourceManager Sources;
  diag::DiagnosticEngine Diags;
  std::vector<uint32_t> FileIds;
  std::vector<ast::File> Files;
  std::vector<std::string> Problems;
};

} // namespace escalade::driver
