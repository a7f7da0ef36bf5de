// SourceManager.cpp — loading files safely and mapping offsets to lines.
#include "source/SourceManager.h"

#include "source/Utf8.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>

namespace escalade::source {

static llvm::Error ioError(llvm::StringRef path, const llvm::Twine &why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "cannot read '" + path + "': " + why);
}

llvm::Expected<uint32_t> SourceManager::loadFile(llvm::StringRef path) {
  llvm::sys::fs::file_status status;
  if (std::error_code ec = llvm::sys::fs::status(path, status))
    return ioError(path, ec.message());
  if (status.type() == llvm::sys::fs::file_type::directory_file)
    return ioError(path, "it is a folder, not a file");
  if (status.type() != llvm::sys::fs::file_type::regular_file)
    return ioError(path, "it is not a regular file");
  if (status.getSize() > MaxSourceBytes) {
    char size[32];
    snprintf(size, sizeof size, "%.1f", status.getSize() / 1048576.0);
    return ioError(path, llvm::Twine(size) + " MiB is larger than the " +
                             llvm::Twine(MaxSourceBytes >> 20) +
                             " MiB limit for a procedure file");
  }
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/true);
  if (!buffer)
    return ioError(path, buffer.getError().message());
  // The size may have changed between the check and the read.
  if ((*buffer)->getBufferSize() > MaxSourceBytes)
    return ioError(path, "it grew beyond the limit while being read");
  return Mgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
}

uint32_t SourceManager::addBuffer(llvm::StringRef name,
                                  llvm::StringRef contents) {
  return Mgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(contents, name), llvm::SMLoc());
}

llvm::StringRef SourceManager::path(uint32_t file) const {
  return Mgr.getMemoryBuffer(file)->getBufferIdentifier();
}

llvm::StringRef SourceManager::text(uint32_t file) const {
  return Mgr.getMemoryBuffer(file)->getBuffer();
}

llvm::SMLoc SourceManager::loc(uint32_t file, uint32_t offset) const {
  llvm::StringRef t = text(file);
  return llvm::SMLoc::getFromPointer(t.data() +
                                     std::min<size_t>(offset, t.size()));
}

uint32_t SourceManager::lineStart(uint32_t file, uint32_t offset) const {
  llvm::StringRef t = text(file);
  offset = std::min<uint32_t>(offset, t.size());
  // SourceMgr keeps a table of line starts, so this is a binary search.
  unsigned byteColumn = Mgr.getLineAndColumn(loc(file, offset), file).second;
  uint32_t start = offset - (byteColumn - 1);
  // A UTF-8 byte order mark is not part of the first line as a reader sees
  // it.
  if (start == 0)
    start = bomLength(std::string_view(t.data(), t.size()));
  return std::min(start, offset);
}

llvm::StringRef SourceManager::lineText(uint32_t file, uint32_t offset) const {
  llvm::StringRef t = text(file);
  offset = std::min<uint32_t>(offset, t.size());
  uint32_t begin = lineStart(file, offset);
  size_t end = t.find_first_of("\r\n", offset);
  if (end == llvm::StringRef::npos)
    end = t.size();
  return t.slice(begin, end);
}

size_t SourceManager::codePointsBefore(uint32_t file, uint32_t offset) const {
  llvm::StringRef t = text(file);
  if (CodePointBlocks.size() < file)
    CodePointBlocks.resize(file);
  std::vector<uint32_t> &blocks = CodePointBlocks[file - 1];
  if (blocks.empty()) {
    blocks.reserve(t.size() / BlockBytes + 1);
    uint32_t count = 0;
    for (size_t b = 0; b < t.size(); b += BlockBytes) {
      blocks.push_back(count);
      count += countCodePoints(std::string_view(
          t.data() + b, std::min<size_t>(BlockBytes, t.size() - b)));
    }
    blocks.push_back(count);
  }
  size_t block = offset / BlockBytes;
  size_t base = block * BlockBytes;
  return blocks[block] +
         countCodePoints(std::string_view(t.data() + base, offset - base));
}

LineColumn SourceManager::lineColumn(uint32_t file, uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text(file).size());
  unsigned line = Mgr.getLineAndColumn(loc(file, offset), file).first;
  uint32_t start = lineStart(file, offset);
  unsigned column = static_cast<unsigned>(codePointsBefore(file, offset) -
                                          codePointsBefore(file, start)) +
                    1;
  return {line, column};
}

} // namespace escalade::source
