// TestSupport.h — helpers for unit tests: parse a procedure from a string,
// and summarise the findings it produced.
#pragma once

#include "ast/AST.h"
#include "diagnostics/DiagnosticEngine.h"
#include "source/SourceManager.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace escalade::testing {

/// One parsed (and, if asked, name-resolved) source text.
struct Parsed {
  source::SourceManager sources;
  diag::DiagnosticEngine diags;
  ast::File file;
  uint32_t fileId = 0;

  /// "line:col check-name" for every finding, in order.
  std::vector<std::string> findings() const;
  /// The messages of every finding, in order.
  std::vector<std::string> messages() const;
  const ast::Procedure &procedure(size_t i = 0) const {
    return file.procedures.at(i);
  }
};

std::unique_ptr<Parsed> parse(std::string_view text);
std::unique_ptr<Parsed> parseAndResolve(std::string_view text);

} // namespace escalade::testing
