// Utf8.h — the few facts about UTF-8 that several layers need: where a
// character starts, how many characters a span holds, and the byte order
// mark. Header-only and free of LLVM, so the AST layer may use it too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace escalade::source {

/// True for the first byte of a character (any byte but a continuation).
inline bool isUtf8Lead(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

/// Characters (code points) in valid UTF-8 text.
inline size_t countCodePoints(std::string_view text) {
  size_t n = 0;
  for (char c : text)
    n += isUtf8Lead(c);
  return n;
}

/// The code point of the well-formed UTF-8 character at the start of `ch`.
inline uint32_t decodeCodePoint(std::string_view ch) {
  auto byte = [&](size_t i) -> uint32_t {
    return i < ch.size() ? static_cast<unsigned char>(ch[i]) : 0;
  };
  uint32_t b0 = byte(0);
  if (b0 < 0x80)
    return b0;
  if (b0 < 0xE0)
    return (b0 & 0x1F) << 6 | (byte(1) & 0x3F);
  if (b0 < 0xF0)
    return (b0 & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
  return (b0 & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 |
         (byte(3) & 0x3F);
}

/// Control characters, and characters that print as a space or as nothing
/// (no-break and other typographic spaces, zero-width characters, the byte
/// order mark): messages show these by number, since as themselves they
/// cannot be seen.
inline bool isInvisible(uint32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x2060 || cp == 0xFEFF;
}

/// Length of a UTF-8 byte order mark at the start of `text` (0 or 3).
inline size_t bomLength(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

} // namespace escalade::source
