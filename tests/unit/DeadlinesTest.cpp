// DeadlinesTest.cpp — the rule for deadlines (Deadlines.h,
// docs/working-days.md), each case worked out by hand against the England
// and Wales calendar. In summer London is on BST, so the end of a local day
// (23:59:59) is 22:59:59 UTC; in winter it is 23:59:59 UTC.
#include "calendar/Deadlines.h"

#include <gtest/gtest.h>

namespace escalade::runtime {
namespace {

using namespace std::chrono;

const WorkingDayCalendar &ew() { return WorkingDayCalendar::englandAndWales(); }

/// A Europe/London local time, "2026-06-08T10:00".
Instant at(const char *local) {
  std::optional<Instant> t = parseTimestamp(local);
  EXPECT_TRUE(t.has_value()) << local;
  return t.value_or(Instant{});
}

Instant wd(const char *local, uint32_t n) {
  return deadlineAfter(at(local), DeadlineUnit::WorkingDays, n, ew());
}

Instant cd(const char *local, uint32_t n) {
  return deadlineAfter(at(local), DeadlineUnit::CalendarDays, n, ew());
}

TEST(Deadlines, MondayMorningPlusOneWorkingDayIsTheEndOfTuesday) {
  // Raised Monday 8 June 2026 at 10:00. Monday itself never counts; the
  // first working day after it is Tuesday 9 June, and the deadline is the
  // last second of that day.
  EXPECT_EQ(isoLocalTime(wd("2026-06-08T10:00", 1)),
            "2026-06-09T23:59:59+01:00");
  // The hour makes no difference: one second after midnight or one second
  // before the next, the deadline is the same.
  EXPECT_EQ(wd("2026-06-08T00:00:01", 1), wd("2026-06-08T23:59:59", 1));
}

TEST(Deadlines, FridayEveningPlusOneWorkingDayIsTheEndOfMonday) {
  // Raised Friday 12 June 2026 at 18:00, after office hours. Friday does
  // not count (no day of raising does); Saturday and Sunday are not
  // working days; Monday 15 June is the first working day after.
  EXPECT_EQ(isoLocalTime(wd("2026-06-12T18:00", 1)),
            "2026-06-15T23:59:59+01:00");
  // Raised at 09:00 the same Friday: the same deadline.
  EXPECT_EQ(wd("2026-06-12T09:00", 1), wd("2026-06-12T18:00", 1));
}

TEST(Deadlines, SaturdayPlusOneWorkingDayIsTheEndOfMonday) {
  // Raised Saturday 13 June 2026: the first working day after Saturday is
  // Monday 15 June, the same deadline as for Friday evening.
  EXPECT_EQ(isoLocalTime(wd("2026-06-13T11:00", 1)),
            "2026-06-15T23:59:59+01:00");
  // And Sunday too.
  EXPECT_EQ(wd("2026-06-14T11:00", 1), wd("2026-06-13T11:00", 1));
}

TEST(Deadlines, TheLocalDayDecidesNotTheUtcDay) {
  // 00:30 BST on Monday 8 June 2026 is 23:30 UTC on Sunday. The day of
  // raising is Monday (London time), so 1 working day is the end of
  // Tuesday 9 June, not of Monday.
  Instant raised = at("2026-06-08T00:30");
  EXPECT_EQ(raised, Instant{sys_days{2026y / June / 7}} + 23h + 30min);
  EXPECT_EQ(
      isoLocalTime(deadlineAfter(raised, DeadlineUnit::WorkingDays, 1, ew())),
      "2026-06-09T23:59:59+01:00");
}

TEST(Deadlines, FridayBeforeTheSpringBankHoliday) {
  // Raised Friday 22 May 2026. Saturday 23 and Sunday 24 are the weekend;
  // Monday 25 May is the spring bank holiday; Tuesday 26 May is the first
  // working day after.
  EXPECT_EQ(isoLocalTime(wd("2026-05-22T15:00", 1)),
            "2026-05-26T23:59:59+01:00");
}

TEST(Deadlines, TheChristmasRun) {
  // Raised Wednesday 23 December 2026, + 5 working days:
  //   Thu 24 Dec  working day 1
  //   Fri 25 Dec  Christmas Day
  //   Sat 26 Dec  Boxing Day, on a Saturday
  //   Sun 27 Dec  weekend
  //   Mon 28 Dec  substitute day for Boxing Day
  //   Tue 29 Dec  working day 2
  //   Wed 30 Dec  working day 3
  //   Thu 31 Dec  working day 4
  //   Fri  1 Jan  New Year's Day
  //   Sat, Sun    weekend
  //   Mon  4 Jan  working day 5
  // so the deadline is the end of Monday 4 January 2027, in GMT.
  EXPECT_EQ(isoLocalTime(wd("2026-12-23T10:00", 5)),
            "2027-01-04T23:59:59+00:00");
  // One working day from the 24th skips the four days off to Tuesday 29.
  EXPECT_EQ(isoLocalTime(wd("2026-12-24T16:00", 1)),
            "2026-12-29T23:59:59+00:00");
}

TEST(Deadlines, TheEasterRun) {
  // Easter 2026: Good Friday 3 April, Easter Monday 6 April. Raised on
  // Thursday 2 April, + 1: Friday 3 (holiday), Saturday 4 and Sunday 5
  // (weekend), Monday 6 (holiday), so Tuesday 7 April.
  EXPECT_EQ(isoLocalTime(wd("2026-04-02T12:00", 1)),
            "2026-04-07T23:59:59+01:00");
  // + 3 from the same Thursday: Tuesday 7, Wednesday 8, Thursday 9.
  EXPECT_EQ(isoLocalTime(wd("2026-04-02T12:00", 3)),
            "2026-04-09T23:59:59+01:00");
  // Raised on Good Friday itself, + 1 is also Tuesday 7.
  EXPECT_EQ(wd("2026-04-03T12:00", 1), wd("2026-04-02T12:00", 1));
}

TEST(Deadlines, CalendarDaysAndLeapYears) {
  // Tuesday 29 February 2028 + 1 calendar day: the end of 1 March.
  EXPECT_EQ(isoLocalTime(cd("2028-02-29T10:00", 1)),
            "2028-03-01T23:59:59+00:00");
  // + 365 calendar days from 29 February 2028 is 28 February 2029 (2029
  // has no 29 February).
  EXPECT_EQ(isoLocalTime(cd("2028-02-29T10:00", 365)),
            "2029-02-28T23:59:59+00:00");
  // Wednesday 28 February 2024 + 2 calendar days: 29 February, then
  // 1 March 2024.
  EXPECT_EQ(isoLocalTime(cd("2024-02-28T10:00", 2)),
            "2024-03-01T23:59:59+00:00");
  // Calendar days count weekends and holidays: Friday 22 May 2026 + 3 is
  // Monday 25 May, the bank holiday.
  EXPECT_EQ(isoLocalTime(cd("2026-05-22T10:00", 3)),
            "2026-05-25T23:59:59+01:00");
  // Across the clocks going forward: Saturday 28 March 2026 (GMT) + 1 is
  // the end of Sunday 29 March, which ends in BST.
  EXPECT_EQ(isoLocalTime(cd("2026-03-28T22:00", 1)),
            "2026-03-29T23:59:59+01:00");
}

TEST(Deadlines, HoursAreExactAcrossTheClocksChanging) {
  // 12:00 on Saturday 28 March 2026 is 12:00 GMT. 24 hours later is 12:00
  // UTC on Sunday 29 March, by then 13:00 BST: the clocks went forward in
  // between, so it is not "the same time tomorrow".
  Instant from = at("2026-03-28T12:00");
  EXPECT_EQ(isoLocalTime(deadlineAfter(from, DeadlineUnit::Hours, 24, ew())),
            "2026-03-29T13:00:00+01:00");
  // When the clocks go back, 24 hours from 12:00 BST on Saturday
  // 24 October is 11:00 GMT on Sunday.
  EXPECT_EQ(isoLocalTime(deadlineAfter(at("2026-10-24T12:00"),
                                       DeadlineUnit::Hours, 24, ew())),
            "2026-10-25T11:00:00+00:00");
  // Hours keep the minutes and seconds.
  EXPECT_EQ(
      deadlineAfter(at("2026-06-08T10:17:42"), DeadlineUnit::Hours, 2, ew()),
      at("2026-06-08T12:17:42"));
}

TEST(Deadlines, SameDayIsTheEndOfTheDayOfRaising) {
  EXPECT_EQ(isoLocalTime(deadlineAfter(at("2026-06-08T10:00"),
                                       DeadlineUnit::SameDay, 0, ew())),
            "2026-06-08T23:59:59+01:00");
  // On a Saturday too: the same day is not moved to a working day.
  EXPECT_EQ(isoLocalTime(deadlineAfter(at("2026-06-13T10:00"),
                                       DeadlineUnit::SameDay, 0, ew())),
            "2026-06-13T23:59:59+01:00");
  // On the 23-hour day the clocks go forward, the day still ends at
  // 23:59:59 local time.
  EXPECT_EQ(isoLocalTime(deadlineAfter(at("2026-03-29T00:30"),
                                       DeadlineUnit::SameDay, 0, ew())),
            "2026-03-29T23:59:59+01:00");
  // Zero working days and zero calendar days mean the same day.
  EXPECT_EQ(
      wd("2026-06-13T10:00", 0),
      deadlineAfter(at("2026-06-13T10:00"), DeadlineUnit::SameDay, 0, ew()));
  EXPECT_EQ(cd("2026-06-08T10:00", 0), wd("2026-06-08T10:00", 0));
}

TEST(WorkingDaysLate, OnTimeIsZero) {
  Instant deadline = wd("2026-06-11T10:00", 1); // end of Friday 12 June
  EXPECT_EQ(workingDaysLate(deadline, at("2026-06-12T09:00"), ew()), 0);
  EXPECT_EQ(workingDaysLate(deadline, deadline, ew()), 0);
  EXPECT_EQ(workingDaysLate(deadline, at("2026-06-01T09:00"), ew()), 0);
}

TEST(WorkingDaysLate, CountsWorkingDaysAfterTheDeadlineDay) {
  Instant deadline = wd("2026-06-11T10:00", 1); // end of Friday 12 June
  // Saturday and Sunday: past the deadline, but no working day has been
  // missed yet.
  EXPECT_EQ(workingDaysLate(deadline, at("2026-06-13T00:00"), ew()), 0);
  EXPECT_EQ(workingDaysLate(deadline, at("2026-06-14T23:00"), ew()), 0);
  // Monday, at any hour: 1 working day late. Tuesday: 2.
  EXPECT_EQ(workingDaysLate(deadline, at("2026-06-15T00:00:01"), ew()), 1);
  EXPECT_EQ(workingDaysLate(deadline, at("2026-06-15T17:00"), ew()), 1);
  EXPECT_EQ(workingDaysLate(deadline, at("2026-06-16T09:00"), ew()), 2);
}

TEST(WorkingDaysLate, ABankHolidayIsNotADayLate) {
  // Due by the end of Friday 22 May 2026. Monday 25 May is the spring bank
  // holiday, so done on the Monday is 0 working days late, on Tuesday 26
  // May 1, and on Wednesday 27 May 2.
  Instant deadline = wd("2026-05-21T10:00", 1);
  EXPECT_EQ(isoLocalTime(deadline), "2026-05-22T23:59:59+01:00");
  EXPECT_EQ(workingDaysLate(deadline, at("2026-05-25T12:00"), ew()), 0);
  EXPECT_EQ(workingDaysLate(deadline, at("2026-05-26T12:00"), ew()), 1);
  EXPECT_EQ(workingDaysLate(deadline, at("2026-05-27T12:00"), ew()), 2);
}

TEST(WorkingDaysLate, LateAgainstADeadlineInHours) {
  // A deadline in hours can fall in the middle of a day; later that day is
  // late, but no whole working day late. The next working day is 1.
  Instant deadline = deadlineAfter(at("2026-06-08T10:00"), DeadlineUnit::Hours,
                                   4, ew()); // 14:00
  EXPECT_EQ(workingDaysLate(deadline, at("2026-06-08T16:00"), ew()), 0);
  EXPECT_EQ(workingDaysLate(deadline, at("2026-06-09T09:00"), ew()), 1);
}

} // namespace
} // namespace escalade::runtime
