// OutputFiles.h — how escc commands write what they make: through a
// temporary file renamed into place (a reader never sees half a file, and a
// failure leaves the old one as it was), never over a procedure file being
// read, and never twice to one place in one run.
#pragma once

#include "driver/Frontend.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace escalade::driver {

/// Writes `bytes` to `path` ("-": standard output) atomically; false with
/// `error` set if it could not.
bool writeAtomically(const std::string &path, llvm::StringRef bytes,
                     std::string &error);

/// Guards the outputs of one run.
class OutputPlan {
public:
  explicit OutputPlan(const Frontend &fe) : Fe(fe) {}
  /// Empty if `path` may be written; otherwise why not ("it is a procedure
  /// file being read", "two ... would both be written to").
  std::string claim(const std::string &path, const char *what);
  /// claim, then writeAtomically; false with `error` set if either failed.
  bool write(const std::string &path, llvm::StringRef bytes, const char *what,
             std::string &error);

private:
  const Frontend &Fe;
  std::vector<std::string> Claimed;
};

/// `dir/name` as a path.
std::string pathIn(llvm::StringRef dir, llvm::StringRef name);

} // namespace escalade::driver
