// SourceManager.cpp — loading files safely and mapping offsets to lines.
#include "source/SourceManager.h"

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

llvm::StringRef SourceManager::lineText(uint32_t file, uint32_t offset) const {
  llvm::StringRef t = text(file);
  offset = std::min<uint32_t>(offset, t.size());
  // rfind searches the positions before `offset`. A UTF-8 byte order mark
  // is not part of the first line as a reader sees it.
  size_t newline = t.rfind('\n', offset);
  size_t begin = newline == llvm::StringRef::npos
                     ? (t.startswith("\xEF\xBB\xBF") && offset >= 3 ? 3 : 0)
                     : newline + 1;
  size_t end = t.find_first_of("\r\n", offset);
  if (end == llvm::StringRef::npos)
    end = t.size();
  return t.slice(begin, end);
}

LineColumn SourceManager::lineColumn(uint32_t file, uint32_t offset) const {
  llvm::StringRef t = text(file);
  offset = std::min<uint32_t>(offset, t.size());
  unsigned line = Mgr.getLineAndColumn(loc(file, offset), file).first;
  // Count code points from the start of the line: every byte that is not a
  // UTF-8 continuation byte starts one.
  llvm::StringRef lineStart = lineText(file, offset);
  unsigned column = 1;
  for (size_t i = lineStart.data() - t.data(); i < offset; ++i)
    if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80)
      ++column;
  return {line, column};
}

} // namespace escalade::source
