// TableCheck.h — private to runtime/table: the checks on a decoded table
// that need all of it at once (every index in range and inside its own
// procedure, conditions well formed, the calendar in order). The reader
// runs them after decoding the sections; docs/table-format.md lists them.
#pragma once

#include "table/TableFormat.h"
#include "table/TableLayout.h"

#include <array>
#include <cstdint>

namespace escalade::table {

/// The file offset of each section's first record, so that a problem can
/// be reported at the byte of the field it is in.
using SectionOffsets = std::array<uint64_t, layout::SectionCount>;

/// True if `table` is safe to run; otherwise fills `error`. The strings
/// must already be known to be valid UTF-8.
bool checkTable(const Table &table, const SectionOffsets &offsets,
                ReadError &error);

} // namespace escalade::table
