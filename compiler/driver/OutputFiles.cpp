// OutputFiles.cpp — atomic writes and the checks on where they go.
#include "driver/OutputFiles.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>

namespace escalade::driver {

bool writeAtomically(const std::string &path, llvm::StringRef bytes,
                     std::string &error) {
  if (path == "-") {
    llvm::outs() << bytes;
    llvm::outs().flush();
    return true;
  }
  llvm::SmallString<256> temp;
  int fd = -1;
  llvm::StringRef dir = llvm::sys::path::parent_path(path);
  llvm::SmallString<256> model(dir.empty() ? "." : dir);
  llvm::sys::path::append(model, ".escc-%%%%%%%%.tmp");
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(model, fd, temp)) {
    error = fmt::format("cannot write '{}': {}", path, ec.message());
    return false;
  }
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << bytes;
    os.close();
    if (os.has_error()) {
      error = fmt::format("cannot write '{}': {}", path, os.error().message());
      os.clear_error();
      llvm::sys::fs::remove(temp);
      return false;
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, path)) {
    error = fmt::format("cannot write '{}': {}", path, ec.message());
    llvm::sys::fs::remove(temp);
    return false;
  }
  return true;
}

std::string OutputPlan::claim(const std::string &path, const char *what) {
  if (path == "-")
    return "";
  llvm::SmallString<256> absolute(path);
  llvm::sys::fs::make_absolute(absolute);
  llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);
  for (const ast::File &file : Fe.files()) {
    bool same = false;
    if (!llvm::sys::fs::equivalent(Fe.sources().path(file.fileId), absolute,
                                   same) &&
        same)
      return fmt::format("will not write the {} over '{}': it is a procedure "
                         "file being read",
                         what, path);
  }
  std::string key(absolute.str());
  if (std::find(Claimed.begin(), Claimed.end(), key) != Claimed.end())
    return fmt::format("two {}s would both be written to '{}'; write them "
                       "into different folders",
                       what, path);
  Claimed.push_back(std::move(key));
  return "";
}

bool OutputPlan::write(const std::string &path, llvm::StringRef bytes,
                       const char *what, std::string &error) {
  error = claim(path, what);
  return error.empty() && writeAtomically(path, bytes, error);
}

std::string pathIn(llvm::StringRef dir, llvm::StringRef name) {
  llvm::SmallString<256> p(dir);
  llvm::sys::path::append(p, name);
  return std::string(p.str());
}

} // namespace escalade::driver
