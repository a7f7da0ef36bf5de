// InputDiscovery.cpp — expanding folders into their procedure files.
#include "driver/InputDiscovery.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace escalade::driver {

DiscoveredInputs discoverInputs(llvm::ArrayRef<std::string> paths) {
  DiscoveredInputs out;
  // The same file reached by two paths (`a.esc` and `./a.esc`, or through a
  // link) is read once.
  llvm::StringSet<> seen;
  auto add = [&](const std::string &file) {
    llvm::SmallString<256> real;
    if (llvm::sys::fs::real_path(file, real))
      real = file;
    if (seen.insert(real).second)
      out.files.push_back(file);
  };
  for (const std::string &path : paths) {
    llvm::sys::fs::file_status status;
    if (std::error_code ec = llvm::sys::fs::status(path, status)) {
      out.problems.push_back("cannot read '" + path + "': " + ec.message());
      continue;
    }
    if (status.type() != llvm::sys::fs::file_type::directory_file) {
      add(path);
      continue;
    }
    std::vector<std::string> found;
    std::error_code ec;
    // Links inside the folder are not followed: a link back to a parent
    // would otherwise be searched for ever.
    for (llvm::sys::fs::recursive_directory_iterator
             it(path, ec, /*follow_symlinks=*/false),
         end;
         it != end && !ec; it.increment(ec)) {
      llvm::StringRef entry = it->path();
      if (llvm::sys::path::extension(entry) != ".esc")
        continue;
      llvm::sys::fs::file_status entryStatus;
      if (!llvm::sys::fs::status(entry, entryStatus, /*follow=*/false) &&
          entryStatus.type() == llvm::sys::fs::file_type::regular_file)
        found.push_back(entry.str());
    }
    if (ec) {
      out.problems.push_back("cannot search '" + path + "': " + ec.message());
      continue;
    }
    if (found.empty()) {
      out.problems.push_back("no procedure files (*.esc) found in folder '" +
                             path + "'");
      continue;
    }
    std::sort(found.begin(), found.end());
    for (const std::string &f : found)
      add(f);
  }
  return out;
}

} // namespace escalade::driver
