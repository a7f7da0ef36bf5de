// EnglandAndWales.cpp — the bank holidays of England and Wales, 2015 to
// 2035, from the rules in the Banking and Financial Dealings Act 1971 as
// applied each year by royal proclamation, with the one-off changes:
//   2020: the early May bank holiday moved to Friday 8 May (VE Day 75);
//   2022: the spring bank holiday moved to Thursday 2 June, and Friday
//         3 June added (Platinum Jubilee); Monday 19 September added (State
//         Funeral of Queen Elizabeth II);
//   2023: Monday 8 May added (Coronation of King Charles III).
// The dates agree with the lists published at
// https://www.gov.uk/bank-holidays (tests/unit/CalendarTest.cpp checks the
// published years); years not yet proclaimed follow the usual rules.
#include "calendar/WorkingDayCalendar.h"

namespace escalade::runtime {

using namespace std::chrono;

namespace {

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm).
Day easterSunday(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = ((h + l - 7 * m + 114) % 31) + 1;
  return sys_days{year{y} / month / day};
}

Day firstMonday(int y, unsigned m) {
  return sys_days{year{y} / month{m} / Monday[1]};
}

Day lastMonday(int y, unsigned m) {
  return sys_days{year{y} / month{m} / Monday[last]};
}

bool isWeekend(Day d) {
  unsigned wd = weekday{d}.c_encoding();
  return wd == 0 || wd == 6;
}

/// The next Monday on or after a weekend day.
Day substitute(Day d) {
  while (isWeekend(d))
    d += days{1};
  return d;
}

void addYear(int y, std::vector<Day> &out) {
  // New Year's Day, or the Monday after it when it falls at a weekend.
  out.push_back(substitute(sys_days{year{y} / January / 1}));
  Day easter = easterSunday(y);
  out.push_back(easter - days{2}); // Good Friday
  out.push_back(easter + days{1}); // Easter Monday
  if (y == 2020)
    out.push_back(sys_days{year{2020} / May / 8});
  else
    out.push_back(firstMonday(y, 5));
  if (y == 2022) {
    out.push_back(sys_days{year{2022} / June / 2});
    out.push_back(sys_days{year{2022} / June / 3});
    out.push_back(sys_days{year{2022} / September / 19});
  } else {
    out.push_back(lastMonday(y, 5));
  }
  if (y == 2023)
    out.push_back(sys_days{year{2023} / May / 8});
  out.push_back(lastMonday(y, 8));
  // Christmas Day and Boxing Day; either falling at a weekend moves to the
  // next weekday that is not already a holiday.
  Day christmas = sys_days{year{y} / December / 25};
  Day boxing = christmas + days{1};
  Day christmasObserved = substitute(christmas);
  Day boxingObserved = substitute(boxing);
  if (boxingObserved <= christmasObserved)
    boxingObserved = christmasObserved + days{1};
  if (christmasObserved == boxing && !isWeekend(boxing)) {
    // Christmas on a Sunday: Boxing Day (Monday) keeps its day and
    // Christmas moves to the Tuesday.
    boxingObserved = boxing;
    christmasObserved = boxing + days{1};
  }
  out.push_back(christmasObserved);
  out.push_back(boxingObserved);
}

} // namespace

const WorkingDayCalendar &WorkingDayCalendar::englandAndWales() {
  static const WorkingDayCalendar calendar = [] {
    std::vector<Day> holidays;
    for (int y = 2015; y <= 2035; ++y)
      addYear(y, holidays);
    return WorkingDayCalendar("England and Wales", 2015, 2035,
                              std::move(holidays));
  }();
  return calendar;
}

} // namespace escalade::runtime
