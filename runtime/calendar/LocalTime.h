// LocalTime.h — instants, and the days they fall on in Europe/London.
// Escalations are dated in local time: a concern raised at 00:30 BST on
// 1 April is raised on 1 April, though it is still 31 March in UTC. The time
// zone comes from the system's time-zone database, through Howard
// Hinnant's date library.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace escalade::runtime {

/// A moment, to the second, in UTC.
using Instant = std::chrono::sys_seconds;
using Day = std::chrono::sys_days; ///< A civil date (not an instant).

/// The Europe/London date `t` falls on.
Day localDay(Instant t);
/// The first instant of local day `d` (00:00 Europe/London).
Instant startOfLocalDay(Day d);
/// The last second of local day `d` (23:59:59 Europe/London): a deadline
/// "by the end of" that day.
Instant endOfLocalDay(Day d);

/// Reads a timestamp: "2026-11-20T16:30:00Z", with an offset
/// ("2026-11-20T16:30:00+01:00"), or with neither ("2026-11-20T16:30" or
/// "2026-11-20T16:30:00", read as Europe/London local time; in the hour
/// the clocks go back, the earlier reading; in the hour they skip, the
/// instant the gap ends, 02:00 BST). Seconds may be left out in every form.
/// A date alone ("2026-11-20") is 09:00 local time that day. nullopt unless
/// well formed and real.
std::optional<Instant> parseTimestamp(std::string_view text);

/// "Friday 20 November 2026 16:30" in Europe/London time.
std::string longLocalTime(Instant t);
/// "2026-11-20T16:30:00+00:00": ISO 8601 with the local offset.
std::string isoLocalTime(Instant t);

} // namespace escalade::runtime
