// SourceManager.h — owns the text of every procedure file a run reads and
// answers "which line and column is this byte?". A thin layer over
// llvm::SourceMgr, which the text renderer uses to print source lines.
#pragma once

#include "source/SourceRange.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SourceMgr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace escalade::source {

/// The largest procedure file a run will read. A real procedure is a few
/// kilobytes; ten thousand stages fit in about three megabytes. Larger files
/// are refused before they are read, so a stray archive or disk image cannot
/// exhaust memory (parsing costs about eighty bytes of memory per byte).
inline constexpr uint64_t MaxSourceBytes = 8u << 20;

class SourceManager {
public:
  SourceManager() = default;
  SourceManager(const SourceManager &) = delete;
  SourceManager &operator=(const SourceManager &) = delete;

  /// Reads a file. Fails (an I/O problem, not a finding) when the file is
  /// missing, unreadable, not a regular file, or larger than MaxSourceBytes.
  llvm::Expected<uint32_t> loadFile(llvm::StringRef path);

  /// Adds text under a display name; used by tests and for standard input.
  uint32_t addBuffer(llvm::StringRef name, llvm::StringRef contents);

  llvm::StringRef path(uint32_t file) const;
  llvm::StringRef text(uint32_t file) const;
  unsigned fileCount() const { return Mgr.getNumBuffers(); }

  /// Line and code-point column of a byte offset (1-based).
  LineColumn lineColumn(uint32_t file, uint32_t offset) const;
  LineColumn start(SourceRange r) const { return lineColumn(r.file, r.begin); }
  LineColumn end(SourceRange r) const { return lineColumn(r.file, r.end); }

  /// The full text of the line holding the offset, without its line break.
  llvm::StringRef lineText(uint32_t file, uint32_t offset) const;

  llvm::SMLoc loc(uint32_t file, uint32_t offset) const;
  const llvm::SourceMgr &llvmSourceMgr() const { return Mgr; }

private:
  /// Byte offset where the line holding `offset` starts (after any BOM).
  uint32_t lineStart(uint32_t file, uint32_t offset) const;
  /// Code points in [0, offset) of a file, in time independent of how long
  /// its lines are: a count per block of bytes, then a short scan.
  size_t codePointsBefore(uint32_t file, uint32_t offset) const;

  llvm::SourceMgr Mgr;
  static constexpr uint32_t BlockBytes = 256;
  /// Per file (index = id - 1): code points before each block of
  /// BlockBytes, built the first time a column on that file is asked for.
  mutable std::vector<std::vector<uint32_t>> CodePointBlocks;
};

} // namespace escalade::source
