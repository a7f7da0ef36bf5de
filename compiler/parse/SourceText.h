// SourceText.h — checks a file's bytes before any lexing: it must be UTF-8
// text, not a binary. Also maps ANTLR's code-point indices to byte offsets.
#pragma once

#include "diagnostics/DiagnosticEngine.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace escalade::parse {

/// Reports `invalid-encoding` at the first NUL byte or malformed UTF-8
/// sequence and returns false; returns true for valid text. A leading UTF-8
/// byte order mark is accepted.
bool checkSourceText(llvm::StringRef text, uint32_t file,
                     diag::DiagnosticEngine &diags);

/// Maps the index of a code point in the text ANTLR lexed (the file after
/// its byte order mark) to a byte offset in the file. ANTLR counts code
/// points; llvm::SourceMgr and our ranges count bytes.
class OffsetMap {
public:
  OffsetMap(llvm::StringRef text, uint32_t base);
  uint32_t byteOffset(size_t codePointIndex) const;

private:
  uint32_t Base;
  uint32_t Size; ///< Bytes after the base.
  bool Ascii;
  /// Byte offset (from Base) of every code point, when not all ASCII.
  std::vector<uint32_t> Offsets;
};

} // namespace escalade::parse
