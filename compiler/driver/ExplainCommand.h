// ExplainCommand.h — `escc explain [NAME...]`: what a check means, an
// example that triggers it, and the fix. With no name, the list of checks.
// `--format=markdown` writes the catalogue in docs/checks.md.
#pragma once

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace escalade::driver {

enum class ExplainFormat { Text, Markdown };

int runExplain(const std::vector<std::string> &names, ExplainFormat format,
               llvm::raw_ostream &out, llvm::raw_ostream &err);

} // namespace escalade::driver
