// SourceText.cpp — UTF-8 validation and code-point to byte mapping.
#include "parse/SourceText.h"

#include "source/Utf8.h"

#include <fmt/format.h>

namespace escalade::parse {

/// Length of the well-formed UTF-8 sequence at text[i], or 0 if malformed
/// (overlong forms, surrogates and values above U+10FFFF are malformed).
static size_t utf8SequenceLength(llvm::StringRef text, size_t i) {
  auto byte = [&](size_t k) -> unsigned {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0x100;
  };
  auto cont = [&](size_t k) { return (byte(k) & 0xC0) == 0x80; };
  unsigned b0 = byte(i);
  if (b0 < 0x80)
    return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF)
    return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    unsigned b1 = byte(i + 1);
    if (!cont(i + 1) || !cont(i + 2))
      return 0;
    if (b0 == 0xE0 && b1 < 0xA0)
      return 0; // overlong
    if (b0 == 0xED && b1 >= 0xA0)
      return 0; // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    unsigned b1 = byte(i + 1);
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3))
      return 0;
    if (b0 == 0xF0 && b1 < 0x90)
      return 0; // overlong
    if (b0 == 0xF4 && b1 >= 0x90)
      return 0; // above U+10FFFF
    return 4;
  }
  return 0;
}

bool checkSourceText(llvm::StringRef text, uint32_t file,
                     diag::DiagnosticEngine &diags) {
  for (size_t i = source::bomLength(text); i < text.size();) {
    unsigned char c = text[i];
    if (c == 0) {
      diags
          .report(diag::DiagKind::InvalidEncoding,
                  {file, uint32_t(i), uint32_t(i + 1)},
                  "this file contains a NUL byte, so it looks like a binary "
                  "file rather than a procedure; procedures are plain text")
          .note("check that the right file was given; a procedure is "
                "written in a text editor and saved as UTF-8 text");
      return false;
    }
    size_t n = utf8SequenceLength(text, i);
    if (n == 0) {
      diags
          .report(
              diag::DiagKind::InvalidEncoding,
              {file, uint32_t(i), uint32_t(i + 1)},
              fmt::format("this file is not valid UTF-8 text: byte 0x{:02X} "
                          "cannot appear here",
                          c))
          .note("save the file as UTF-8 (in most editors: \"Save As\" and "
                "choose the UTF-8 encoding); Windows-1252 and Latin-1 files "
                "turn characters such as \"–\" and \"’\" into such bytes");
      return false;
    }
    i += n;
  }
  return true;
}

OffsetMap::OffsetMap(llvm::StringRef text, uint32_t base)
    : Base(base), Size(text.size() - base), Ascii(true) {
  llvm::StringRef body = text.drop_front(base);
  for (char c : body)
    if (static_cast<unsigned char>(c) >= 0x80) {
      Ascii = false;
      break;
    }
  if (Ascii)
    return;
  Offsets.reserve(body.size() + 1);
  for (uint32_t i = 0; i < body.size(); ++i)
    if (source::isUtf8Lead(body[i]))
      Offsets.push_back(i);
  Offsets.push_back(body.size());
}

uint32_t OffsetMap::byteOffset(size_t codePointIndex) const {
  if (Ascii)
    return Base + static_cast<uint32_t>(std::min<size_t>(codePointIndex, Size));
  if (codePointIndex >= Offsets.size())
    return Base + Size;
  return Base + Offsets[codePointIndex];
}

} // namespace escalade::parse
