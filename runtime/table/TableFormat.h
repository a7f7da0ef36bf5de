// TableFormat.h — the binary form of a Table (`.esct`): writing it, and
// reading it back with every offset, index and count checked before use.
// The layout, byte by byte, is in docs/table-format.md.
#pragma once

#include "table/Table.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace escalade::table {

/// The format version this code writes. A reader accepts any minor version
/// of its own major version (later minors only add sections it may skip),
/// and refuses a newer major version.
constexpr uint16_t FormatMajor = 1;
constexpr uint16_t FormatMinor = 0;

/// The whole file as bytes.
std::string writeTable(const Table &table);

/// Why a file could not be read: a sentence for people, and the byte
/// offset the problem was found at (0 when it is about the whole file).
struct ReadError {
  std::string message;
  uint64_t offset = 0;
};

/// Reads and validates a table. On failure, returns nullopt and fills
/// `error`. Never reads outside `bytes`, and a table it returns is safe to
/// run: every index in it is in range, every condition well formed, every
/// string valid UTF-8.
std::optional<Table> readTable(std::string_view bytes, ReadError &error);

} // namespace escalade::table
