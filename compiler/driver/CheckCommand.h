// CheckCommand.h — `escc check PATH...`: parse and check procedures, print
// the findings as text or JSON, and exit 0 (clean), 1 (errors) or 2 (input
// problems).
#pragma once

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace escalade::driver {

enum class OutputFormat { Text, Json };

struct CheckOptions {
  std::vector<std::string> paths;
  OutputFormat format = OutputFormat::Text;
  bool colors = false;
  bool dumpAST = false;
};

int runCheck(const CheckOptions &options, llvm::raw_ostream &out,
             llvm::raw_ostream &err);

} // namespace escalade::driver
