// InputDiscovery.h — turns the paths on a command line into the list of
// procedure files to read: files as given, folders searched for `*.esc`.
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace escalade::driver {

struct DiscoveredInputs {
  std::vector<std::string> files;    ///< Sorted within each folder, no repeats.
  std::vector<std::string> problems; ///< One sentence per unusable path.
};

DiscoveredInputs discoverInputs(llvm::ArrayRef<std::string> paths);

} // namespace escalade::driver
