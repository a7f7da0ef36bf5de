// Deadlines.h — what "within N working days" means, decided once and used
// by the interpreter and by `escrun timetable` (docs/working-days.md):
//
//  * The day something happens never counts, whatever the hour: N working
//    days from any moment on day d end at the end of the N-th working day
//    after d. Raised at 18:00 on Friday, or on Saturday, 1 working day is
//    the end of Monday (if Monday is a working day).
//  * N calendar days end at the end of day d + N.
//  * The same day ends at the end of day d.
//  * H hours end H hours later, to the second (so across a change of the
//    clocks, 24 hours is not always "the same time tomorrow").
//  * Days are Europe/London days; a deadline is the last second of its day.
#pragma once

#include "calendar/LocalTime.h"
#include "calendar/WorkingDayCalendar.h"

#include <cstdint>

namespace escalade::runtime {

enum class DeadlineUnit : uint8_t { WorkingDays, CalendarDays, Hours, SameDay };

/// The deadline for something due `count` units after `from`.
Instant deadlineAfter(Instant from, DeadlineUnit unit, uint32_t count,
                      const WorkingDayCalendar &calendar);

/// How late `at` is against `deadline`, in working days: the working days
/// after the deadline's day up to and including `at`'s day. 0 if `at` is
/// not after the deadline, or only a weekend or holiday has passed since.
int64_t workingDaysLate(Instant deadline, Instant at,
                        const WorkingDayCalendar &calendar);

} // namespace escalade::runtime
