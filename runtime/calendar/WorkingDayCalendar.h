// WorkingDayCalendar.h — which days are working days: Monday to Friday,
// less the bank holidays of the years the calendar covers. Answers "what is
// the n-th working day after this one" without walking day by day.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace escalade::runtime {

using Day = std::chrono::sys_days;

class WorkingDayCalendar {
public:
  /// `holidays` need not be sorted; repeats and weekend days are ignored.
  WorkingDayCalendar(std::string name, int firstYear, int lastYear,
                     std::vector<Day> holidays);

  /// England and Wales, 2015 to 2035, built in.
  static const WorkingDayCalendar &englandAndWales();

  const std::string &name() const { return Name; }
  int firstYear() const { return FirstYear; }
  int lastYear() const { return LastYear; }
  /// True if `day` falls in a year whose holidays the calendar knows.
  bool covers(Day day) const;
  const std::vector<Day> &holidays() const { return Holidays; }

  bool isWorkingDay(Day day) const;
  /// The n-th working day after `day` (n >= 0; n = 0 gives `day` itself if
  /// it is a working day, else the next working day).
  Day addWorkingDays(Day day, int64_t n) const;
  /// Working days in (from, to]: how many working days end after `from`
  /// up to and including `to`. Negative if `to` is before `from`.
  int64_t workingDaysBetween(Day from, Day to) const;

  /// The most calendar days that n working days can take, starting from any
  /// day the calendar covers: the worst case of addWorkingDays(d, n) - d.
  /// Used to turn working days into calendar days soundly. Exact up to
  /// ExactSpan working days; beyond, an upper bound built from whole years.
  uint32_t maxCalendarDaysFor(uint32_t workingDays) const;
  static constexpr uint32_t ExactSpan = 250;
  /// The fewest working days that n calendar days can hold, starting from
  /// any day the calendar covers: the worst case of workingDaysBetween(d,
  /// d + n). Used to turn calendar days into working days as a lower bound.
  uint32_t minWorkingDaysIn(uint32_t calendarDays) const;

private:
  /// Weekdays in [epoch, day): closed form, no loop.
  static int64_t weekdaysBefore(Day day);
  /// Holidays (all on weekdays) before `day`.
  int64_t holidaysBefore(Day day) const;
  /// Working days strictly before `day`, counted from a fixed origin.
  int64_t workingDaysBefore(Day day) const;

  std::string Name;
  int FirstYear;
  int LastYear;
  std::vector<Day> Holidays;             ///< Sorted, weekdays only.
  mutable std::vector<uint32_t> MaxSpan; ///< Memo for maxCalendarDaysFor.
  mutable std::vector<int64_t> MinHeld;  ///< Memo for minWorkingDaysIn.
};

} // namespace escalade::runtime
