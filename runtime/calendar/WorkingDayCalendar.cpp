// WorkingDayCalendar.cpp — counting working days in closed form: weekdays
// by arithmetic on weeks, holidays by binary search. Nothing walks the
// calendar a day at a time.
#include "calendar/WorkingDayCalendar.h"

#include <algorithm>

namespace escalade::runtime {

using namespace std::chrono;

/// A Monday long before any date the calendar is asked about.
static constexpr Day Origin = sys_days{year{1900} / January / 1};

WorkingDayCalendar::WorkingDayCalendar(std::string name, int firstYear,
                                       int lastYear, std::vector<Day> holidays)
    : Name(std::move(name)), FirstYear(firstYear), LastYear(lastYear) {
  for (Day d : holidays)
    if (weekday{d}.c_encoding() != 0 && weekday{d}.c_encoding() != 6)
      Holidays.push_back(d);
  std::sort(Holidays.begin(), Holidays.end());
  Holidays.erase(std::unique(Holidays.begin(), Holidays.end()), Holidays.end());
}

bool WorkingDayCalendar::covers(Day day) const {
  int y = int(year_month_day{day}.year());
  return y >= FirstYear && y <= LastYear;
}

int64_t WorkingDayCalendar::weekdaysBefore(Day day) {
  int64_t d = (day - Origin).count();
  // Floor division, so days before the origin count correctly too.
  int64_t weeks = d >= 0 ? d / 7 : -((-d + 6) / 7);
  int64_t rest = d - 7 * weeks;
  return 5 * weeks + std::min<int64_t>(rest, 5);
}

int64_t WorkingDayCalendar::holidaysBefore(Day day) const {
  return std::lower_bound(Holidays.begin(), Holidays.end(), day) -
         Holidays.begin();
}

int64_t WorkingDayCalendar::workingDaysBefore(Day day) const {
  return weekdaysBefore(day) - holidaysBefore(day);
}

bool WorkingDayCalendar::isWorkingDay(Day day) const {
  unsigned wd = weekday{day}.c_encoding();
  return wd != 0 && wd != 6 &&
         !std::binary_search(Holidays.begin(), Holidays.end(), day);
}

int64_t WorkingDayCalendar::workingDaysBetween(Day from, Day to) const {
  return workingDaysBefore(to + days{1}) - workingDaysBefore(from + days{1});
}

Day WorkingDayCalendar::addWorkingDays(Day day, int64_t n) const {
  if (n <= 0)
    return isWorkingDay(day) ? day : addWorkingDays(day, 1);
  // The answer w is the first day with workingDaysBefore(w + 1) equal to
  // the count up to `day` plus n: a binary search over days. Each week has
  // at least three working days, so 3n + 7 days always reach it.
  int64_t want = workingDaysBefore(day + days{1}) + n;
  int64_t lo = 1, hi = 3 * n + 7;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    if (workingDaysBefore(day + days{mid + 1}) >= want)
      hi = mid;
    else
      lo = mid + 1;
  }
  return day + days{lo};
}

uint32_t WorkingDayCalendar::maxCalendarDaysFor(uint32_t n) const {
  if (n == 0)
    return 0;
  // Spans add up no worse than their parts (the worst n + m days are at
  // most the worst n plus the worst m), so a long span is bounded by
  // repeating a year's worst: this keeps the answer sound beyond the years
  // the calendar knows.
  if (n > ExactSpan)
    return maxCalendarDaysFor(ExactSpan) * (n / ExactSpan) +
           maxCalendarDaysFor(n % ExactSpan);
  if (MaxSpan.size() > n && MaxSpan[n] != 0)
    return MaxSpan[n];
  Day first = sys_days{year{FirstYear} / January / 1};
  Day last = sys_days{year{LastYear} / December / 31};
  uint32_t worst = 0;
  // Every start day the calendar covers whose span ends inside it (later
  // spans only end later): beyond the last year only weekends are known.
  for (Day d = first; d <= last; d += days{1}) {
    Day end = addWorkingDays(d, n);
    if (end > last)
      break;
    worst = std::max<uint32_t>(worst, (end - d).count());
  }
  if (MaxSpan.size() <= n)
    MaxSpan.resize(n + 1, 0);
  MaxSpan[n] = worst;
  return worst;
}

uint32_t WorkingDayCalendar::minWorkingDaysIn(uint32_t n) const {
  if (n == 0)
    return 0;
  // Working days held are superadditive in the same way spans are
  // subadditive: the fewest in n + m days is at least the fewest in n plus
  // the fewest in m. Beyond a year, repeat the worst year.
  constexpr uint32_t Year = 365;
  if (n > Year)
    return minWorkingDaysIn(Year) * (n / Year) + minWorkingDaysIn(n % Year);
  if (MinHeld.size() > n && MinHeld[n] >= 0)
    return static_cast<uint32_t>(MinHeld[n]);
  Day first = sys_days{year{FirstYear} / January / 1};
  Day last = sys_days{year{LastYear} / December / 31};
  int64_t fewest = n;
  for (Day d = first; d + days{n} <= last; d += days{1})
    fewest = std::min(fewest, workingDaysBetween(d, d + days{n}));
  if (MinHeld.size() <= n)
    MinHeld.resize(n + 1, -1);
  MinHeld[n] = fewest;
  return static_cast<uint32_t>(fewest);
}

} // namespace escalade::runtime
