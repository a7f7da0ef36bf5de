// Frontend.cpp — discovery, loading, parsing and name resolution in order.
#include "driver/Frontend.h"

#include "driver/InputDiscovery.h"
#include "parse/Parser.h"
#include "sema/Checker.h"

#include "llvm/Support/Error.h"

namespace escalade::driver {

void Frontend::load(llvm::ArrayRef<std::string> paths) {
  DiscoveredInputs inputs = discoverInputs(paths);
  Problems = std::move(inputs.problems);
  for (const std::string &path : inputs.files) {
    llvm::Expected<uint32_t> id = Sources.loadFile(path);
    if (!id) {
      Problems.push_back(llvm::toString(id.takeError()));
      continue;
    }
    FileIds.push_back(*id);
  }
}

void Frontend::analyze(const sema::CheckOptions &options) {
  for (uint32_t id : FileIds) {
    llvm::Expected<ast::File> file = parse::parseFile(Sources, id, Diags);
    if (!file) {
      Problems.push_back(llvm::toString(file.takeError()));
      continue;
    }
    Files.push_back(std::move(*file));
    sema::checkFile(Files.back(), Diags, options);
  }
  Diags.sortByLocation();
}

size_t Frontend::procedureCount() const {
  size_t n = 0;
  for (const ast::File &f : Files)
    n += f.procedures.size();
  return n;
}

int Frontend::exitCode() const {
  if (!Problems.empty())
    return 2;
  return Diags.hasErrors() ? 1 : 0;
}

} // namespace escalade::driver
