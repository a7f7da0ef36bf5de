// Timetable.h — the worst-case dates of every stage for a case raised at a
// given moment: the latest each stage can be entered and finished along any
// route (skips, urgent and other routes included; a loop followed once),
// by the same rules the interpreter holds a real case to.
#pragma once

#include "calendar/LocalTime.h"
#include "calendar/WorkingDayCalendar.h"
#include "table/Table.h"

#include <vector>

namespace escalade::interp {

struct StageTimes {
  uint32_t stage = 0;
  bool reached = false; ///< On some route from the start.
  /// Latest entry and finish; Never when no date can be worked out, with
  /// `unknownFrom` the stage whose timescale is missing or in words.
  runtime::Instant enter{}, finish{};
  uint32_t unknownFrom = table::None;
};

struct Timetable {
  uint32_t procedure = 0;
  runtime::Instant raised{};
  std::vector<StageTimes> stages; ///< In the procedure's order.
  runtime::Instant overallBy{};   ///< Never if no overall bound.
  runtime::Instant latestFinish{};
  bool finishKnown = true;
};

/// `from` is the stage the case is at when `raised` (absolute index), or
/// None for the procedure's start.
Timetable worstCaseTimetable(const table::Table &t,
                             const runtime::WorkingDayCalendar &calendar,
                             uint32_t procedure, runtime::Instant raised,
                             uint32_t from = table::None);

} // namespace escalade::interp
