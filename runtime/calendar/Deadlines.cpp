// Deadlines.cpp — the one rule for "within N working days" (Deadlines.h,
// docs/working-days.md). Except for a timescale in hours, a deadline is the
// last second of a Europe/London day, and depends only on the day something
// happened, never on the hour.
#include "calendar/Deadlines.h"

namespace escalade::runtime {

using namespace std::chrono;

Instant deadlineAfter(Instant from, DeadlineUnit unit, uint32_t count,
                      const WorkingDayCalendar &calendar) {
  Day day = localDay(from);
  switch (unit) {
  case DeadlineUnit::WorkingDays:
    // Zero working days is the same day, as escc reads it (docs/checks.md),
    // even when that day is not a working day.
    if (count == 0)
      return endOfLocalDay(day);
    return endOfLocalDay(calendar.addWorkingDays(day, count));
  case DeadlineUnit::CalendarDays:
    return endOfLocalDay(day + days{count});
  case DeadlineUnit::SameDay:
    return endOfLocalDay(day);
  case DeadlineUnit::Hours:
    return from + hours{count};
  }
  return endOfLocalDay(day);
}

int64_t workingDaysLate(Instant deadline, Instant at,
                        const WorkingDayCalendar &calendar) {
  if (at <= deadline)
    return 0;
  int64_t late = calendar.workingDaysBetween(localDay(deadline), localDay(at));
  return late > 0 ? late : 0;
}

} // namespace escalade::runtime
