// CalendarTest.cpp — the England and Wales working-day calendar: weekends,
// every bank holiday of the years published at gov.uk, the one-off changes,
// Christmas and Easter runs, leap years, and arithmetic across them.
#include "calendar/WorkingDayCalendar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace escalade::runtime {
namespace {

using namespace std::chrono;

Day d(int y, unsigned m, unsigned day) { return sys_days{year{y} / m / day}; }

const WorkingDayCalendar &ew() { return WorkingDayCalendar::englandAndWales(); }

std::set<Day> holidaysIn(int y) {
  std::set<Day> out;
  for (Day h : ew().holidays())
    if (int(year_month_day{h}.year()) == y)
      out.insert(h);
  return out;
}

// The published lists (https://www.gov.uk/bank-holidays), year by year.
TEST(EnglandAndWales, PublishedYears) {
  EXPECT_EQ(holidaysIn(2015),
            (std::set<Day>{d(2015, 1, 1), d(2015, 4, 3), d(2015, 4, 6),
                           d(2015, 5, 4), d(2015, 5, 25), d(2015, 8, 31),
                           d(2015, 12, 25), d(2015, 12, 28)}));
  EXPECT_EQ(holidaysIn(2016),
            (std::set<Day>{d(2016, 1, 1), d(2016, 3, 25), d(2016, 3, 28),
                           d(2016, 5, 2), d(2016, 5, 30), d(2016, 8, 29),
                           d(2016, 12, 26), d(2016, 12, 27)}));
  EXPECT_EQ(holidaysIn(2020),
            (std::set<Day>{d(2020, 1, 1), d(2020, 4, 10), d(2020, 4, 13),
                           d(2020, 5, 8), d(2020, 5, 25), d(2020, 8, 31),
                           d(2020, 12, 25), d(2020, 12, 28)}));
  EXPECT_EQ(holidaysIn(2021),
            (std::set<Day>{d(2021, 1, 1), d(2021, 4, 2), d(2021, 4, 5),
                           d(2021, 5, 3), d(2021, 5, 31), d(2021, 8, 30),
                           d(2021, 12, 27), d(2021, 12, 28)}));
  EXPECT_EQ(holidaysIn(2022),
            (std::set<Day>{d(2022, 1, 3), d(2022, 4, 15), d(2022, 4, 18),
                           d(2022, 5, 2), d(2022, 6, 2), d(2022, 6, 3),
                           d(2022, 8, 29), d(2022, 9, 19), d(2022, 12, 26),
                           d(2022, 12, 27)}));
  EXPECT_EQ(holidaysIn(2023),
            (std::set<Day>{d(2023, 1, 2), d(2023, 4, 7), d(2023, 4, 10),
                           d(2023, 5, 1), d(2023, 5, 8), d(2023, 5, 29),
                           d(2023, 8, 28), d(2023, 12, 25), d(2023, 12, 26)}));
  EXPECT_EQ(holidaysIn(2024),
            (std::set<Day>{d(2024, 1, 1), d(2024, 3, 29), d(2024, 4, 1),
                           d(2024, 5, 6), d(2024, 5, 27), d(2024, 8, 26),
                           d(2024, 12, 25), d(2024, 12, 26)}));
  EXPECT_EQ(holidaysIn(2025),
            (std::set<Day>{d(2025, 1, 1), d(2025, 4, 18), d(2025, 4, 21),
                           d(2025, 5, 5), d(2025, 5, 26), d(2025, 8, 25),
                           d(2025, 12, 25), d(2025, 12, 26)}));
  EXPECT_EQ(holidaysIn(2026),
            (std::set<Day>{d(2026, 1, 1), d(2026, 4, 3), d(2026, 4, 6),
                           d(2026, 5, 4), d(2026, 5, 25), d(2026, 8, 31),
                           d(2026, 12, 25), d(2026, 12, 28)}));
  EXPECT_EQ(holidaysIn(2027),
            (std::set<Day>{d(2027, 1, 1), d(2027, 3, 26), d(2027, 3, 29),
                           d(2027, 5, 3), d(2027, 5, 31), d(2027, 8, 30),
                           d(2027, 12, 27), d(2027, 12, 28)}));
}

// The other years of 2015–2035, so that with PublishedYears every holiday
// the calendar holds is checked. 2017–2019 are the published lists; from
// 2028 on, the usual rules worked out by hand (Easter Sunday 2028: 16
// April; 2029: 1 April; 2030: 21 April; 2031: 13 April; 2032: 28 March;
// 2033: 17 April; 2034: 9 April; 2035: 25 March), with New Year's Day,
// Christmas Day and Boxing Day at a weekend moved to the next free weekday.
TEST(EnglandAndWales, TheRemainingYears) {
  EXPECT_EQ(holidaysIn(2017),
            (std::set<Day>{d(2017, 1, 2), d(2017, 4, 14), d(2017, 4, 17),
                           d(2017, 5, 1), d(2017, 5, 29), d(2017, 8, 28),
                           d(2017, 12, 25), d(2017, 12, 26)}));
  EXPECT_EQ(holidaysIn(2018),
            (std::set<Day>{d(2018, 1, 1), d(2018, 3, 30), d(2018, 4, 2),
                           d(2018, 5, 7), d(2018, 5, 28), d(2018, 8, 27),
                           d(2018, 12, 25), d(2018, 12, 26)}));
  EXPECT_EQ(holidaysIn(2019),
            (std::set<Day>{d(2019, 1, 1), d(2019, 4, 19), d(2019, 4, 22),
                           d(2019, 5, 6), d(2019, 5, 27), d(2019, 8, 26),
                           d(2019, 12, 25), d(2019, 12, 26)}));
  // New Year's Day on a Saturday: Monday 3 January.
  EXPECT_EQ(holidaysIn(2028),
            (std::set<Day>{d(2028, 1, 3), d(2028, 4, 14), d(2028, 4, 17),
                           d(2028, 5, 1), d(2028, 5, 29), d(2028, 8, 28),
                           d(2028, 12, 25), d(2028, 12, 26)}));
  EXPECT_EQ(holidaysIn(2029),
            (std::set<Day>{d(2029, 1, 1), d(2029, 3, 30), d(2029, 4, 2),
                           d(2029, 5, 7), d(2029, 5, 28), d(2029, 8, 27),
                           d(2029, 12, 25), d(2029, 12, 26)}));
  EXPECT_EQ(holidaysIn(2030),
            (std::set<Day>{d(2030, 1, 1), d(2030, 4, 19), d(2030, 4, 22),
                           d(2030, 5, 6), d(2030, 5, 27), d(2030, 8, 26),
                           d(2030, 12, 25), d(2030, 12, 26)}));
  EXPECT_EQ(holidaysIn(2031),
            (std::set<Day>{d(2031, 1, 1), d(2031, 4, 11), d(2031, 4, 14),
                           d(2031, 5, 5), d(2031, 5, 26), d(2031, 8, 25),
                           d(2031, 12, 25), d(2031, 12, 26)}));
  // Easter in March; Christmas Day on a Saturday and Boxing Day on a
  // Sunday: Monday 27 and Tuesday 28 December.
  EXPECT_EQ(holidaysIn(2032),
            (std::set<Day>{d(2032, 1, 1), d(2032, 3, 26), d(2032, 3, 29),
                           d(2032, 5, 3), d(2032, 5, 31), d(2032, 8, 30),
                           d(2032, 12, 27), d(2032, 12, 28)}));
  // New Year's Day on a Saturday; Christmas Day on a Sunday: Boxing Day
  // keeps Monday 26 and Christmas moves to Tuesday 27.
  EXPECT_EQ(holidaysIn(2033),
            (std::set<Day>{d(2033, 1, 3), d(2033, 4, 15), d(2033, 4, 18),
                           d(2033, 5, 2), d(2033, 5, 30), d(2033, 8, 29),
                           d(2033, 12, 26), d(2033, 12, 27)}));
  // New Year's Day on a Sunday: Monday 2 January.
  EXPECT_EQ(holidaysIn(2034),
            (std::set<Day>{d(2034, 1, 2), d(2034, 4, 7), d(2034, 4, 10),
                           d(2034, 5, 1), d(2034, 5, 29), d(2034, 8, 28),
                           d(2034, 12, 25), d(2034, 12, 26)}));
  EXPECT_EQ(holidaysIn(2035),
            (std::set<Day>{d(2035, 1, 1), d(2035, 3, 23), d(2035, 3, 26),
                           d(2035, 5, 7), d(2035, 5, 28), d(2035, 8, 27),
                           d(2035, 12, 25), d(2035, 12, 26)}));
}

TEST(EnglandAndWales, EveryYearHasItsEightHolidaysOnWeekdays) {
  for (int y = 2015; y <= 2035; ++y) {
    std::set<Day> h = holidaysIn(y);
    size_t expected = y == 2022 ? 10 : y == 2023 ? 9 : 8;
    EXPECT_EQ(h.size(), expected) << y;
    for (Day day : h) {
      unsigned wd = weekday{day}.c_encoding();
      EXPECT_TRUE(wd >= 1 && wd <= 5) << y;
    }
  }
}

TEST(WorkingDayCalendar, WeekendsAndHolidaysAreNotWorkingDays) {
  EXPECT_TRUE(ew().isWorkingDay(d(2024, 6, 7)));  // a Friday
  EXPECT_FALSE(ew().isWorkingDay(d(2024, 6, 8))); // Saturday
  EXPECT_FALSE(ew().isWorkingDay(d(2024, 6, 9))); // Sunday
  EXPECT_FALSE(ew().isWorkingDay(d(2024, 12, 25)));
  EXPECT_TRUE(ew().isWorkingDay(d(2024, 2, 29))); // leap day, a Thursday
}

struct Add {
  Day from;
  int n;
  Day expected;
};

class AddWorkingDays : public ::testing::TestWithParam<Add> {};

TEST_P(AddWorkingDays, SkipsWeekendsAndHolidays) {
  const Add &a = GetParam();
  EXPECT_EQ(ew().addWorkingDays(a.from, a.n), a.expected);
  // The count back agrees.
  if (a.n > 0) {
    EXPECT_EQ(ew().workingDaysBetween(a.from, a.expected), a.n);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Runs, AddWorkingDays,
    ::testing::Values(
        // Friday + 1 is Monday.
        Add{d(2024, 6, 7), 1, d(2024, 6, 10)},
        // Raised on a Saturday: the first working day is Monday.
        Add{d(2024, 6, 8), 1, d(2024, 6, 10)},
        Add{d(2024, 6, 8), 0, d(2024, 6, 10)},
        Add{d(2024, 6, 7), 0, d(2024, 6, 7)},
        // Christmas 2020: Thursday 24 + 1 is Tuesday 29.
        Add{d(2020, 12, 24), 1, d(2020, 12, 29)},
        // Christmas and New Year 2022-23: Friday 23 + 5 is Wednesday 4.
        Add{d(2022, 12, 23), 5, d(2023, 1, 4)},
        // Easter 2025: Thursday 17 April + 1 is Tuesday 22.
        Add{d(2025, 4, 17), 1, d(2025, 4, 22)},
        // The Friday before the May bank holiday 2025 (Monday 5) + 5 is
        // Monday 12.
        Add{d(2025, 5, 2), 5, d(2025, 5, 12)},
        // Across a leap day: Wednesday 28 February 2024 + 2 is Friday 1 March.
        Add{d(2024, 2, 28), 2, d(2024, 3, 1)},
        // A long run: 2025 has 253 working days, the last three on 29, 30
        // and 31 December after the Christmas holidays, so the 250th after
        // New Year's Day is Wednesday 24 December.
        Add{d(2025, 1, 1), 250, d(2025, 12, 24)}));

TEST(WorkingDayCalendar, MaxCalendarDaysIsTheWorstStart) {
  // Found by hand above: 1 working day can take 5 calendar days, 5 can take
  // 12; and the answer is never less than n + weekends.
  EXPECT_EQ(ew().maxCalendarDaysFor(0), 0u);
  EXPECT_EQ(ew().maxCalendarDaysFor(1), 5u);
  EXPECT_EQ(ew().maxCalendarDaysFor(5), 12u);
  for (uint32_t n : {2u, 10u, 20u, 100u})
    EXPECT_GE(ew().maxCalendarDaysFor(n), n + 2 * (n / 5));
  // Beyond a year, repeating the worst year keeps it an upper bound.
  EXPECT_GE(ew().maxCalendarDaysFor(600), 600u * 7 / 5);
}

TEST(WorkingDayCalendar, CountsBackwardsToo) {
  EXPECT_EQ(ew().workingDaysBetween(d(2024, 6, 10), d(2024, 6, 7)), -1);
  EXPECT_EQ(ew().workingDaysBetween(d(2024, 6, 7), d(2024, 6, 7)), 0);
}

} // namespace
} // namespace escalade::runtime
