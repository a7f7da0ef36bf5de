// LocalTimeTest.cpp — Europe/London days and times: midnight in GMT and
// BST, the days the clocks change in 2026 (Sunday 29 March, 23 hours long;
// Sunday 25 October, 25 hours long), the timestamps accepted and refused,
// the hour that happens twice and the hour that never happens, and the
// two ways of writing an instant.
#include "calendar/LocalTime.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace escalade::runtime {
namespace {

using namespace std::chrono;

Day d(int y, unsigned m, unsigned day) { return sys_days{year{y} / m / day}; }

/// An instant given in UTC.
Instant utc(int y, unsigned m, unsigned day, int hh, int mm, int ss = 0) {
  return Instant{d(y, m, day)} + hours{hh} + minutes{mm} + seconds{ss};
}

TEST(LocalTime, LocalDayAroundMidnightInWinter) {
  // In January London keeps GMT: the local day is the UTC day.
  EXPECT_EQ(localDay(utc(2026, 1, 15, 23, 59, 59)), d(2026, 1, 15));
  EXPECT_EQ(localDay(utc(2026, 1, 16, 0, 0, 0)), d(2026, 1, 16));
}

TEST(LocalTime, LocalDayAroundMidnightInSummer) {
  // In June London keeps BST (UTC+1): local midnight is 23:00 UTC the day
  // before, so 23:30 UTC on 30 June is already 1 July.
  EXPECT_EQ(localDay(utc(2026, 6, 30, 22, 59, 59)), d(2026, 6, 30));
  EXPECT_EQ(localDay(utc(2026, 6, 30, 23, 0, 0)), d(2026, 7, 1));
  EXPECT_EQ(localDay(utc(2026, 6, 30, 23, 30, 0)), d(2026, 7, 1));
  // 1 April 00:30 BST is still 31 March in UTC (LocalTime.h's example).
  EXPECT_EQ(localDay(utc(2026, 3, 31, 23, 30, 0)), d(2026, 4, 1));
}

TEST(LocalTime, OrdinaryDaysStartAtMidnightAndLast24Hours) {
  EXPECT_EQ(startOfLocalDay(d(2026, 1, 15)), utc(2026, 1, 15, 0, 0));
  EXPECT_EQ(endOfLocalDay(d(2026, 1, 15)), utc(2026, 1, 15, 23, 59, 59));
  EXPECT_EQ(startOfLocalDay(d(2026, 6, 15)), utc(2026, 6, 14, 23, 0));
  EXPECT_EQ(endOfLocalDay(d(2026, 6, 15)), utc(2026, 6, 15, 22, 59, 59));
}

TEST(LocalTime, TheDayTheClocksGoForwardHas23Hours) {
  // Sunday 29 March 2026: at 01:00 GMT the clocks go forward to 02:00 BST.
  // The day starts at 00:00 GMT and ends at 23:59:59 BST = 22:59:59 UTC.
  Day day = d(2026, 3, 29);
  EXPECT_EQ(startOfLocalDay(day), utc(2026, 3, 29, 0, 0));
  EXPECT_EQ(endOfLocalDay(day), utc(2026, 3, 29, 22, 59, 59));
  EXPECT_EQ(endOfLocalDay(day) + 1s - startOfLocalDay(day), hours{23});
  // The Saturday before ends at 23:59:59 GMT; the Monday after starts at
  // 00:00 BST.
  EXPECT_EQ(endOfLocalDay(d(2026, 3, 28)), utc(2026, 3, 28, 23, 59, 59));
  EXPECT_EQ(startOfLocalDay(d(2026, 3, 30)), utc(2026, 3, 29, 23, 0));
}

TEST(LocalTime, TheDayTheClocksGoBackHas25Hours) {
  // Sunday 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT.
  // The day starts at 00:00 BST = 23:00 UTC on the Saturday and ends at
  // 23:59:59 GMT.
  Day day = d(2026, 10, 25);
  EXPECT_EQ(startOfLocalDay(day), utc(2026, 10, 24, 23, 0));
  EXPECT_EQ(endOfLocalDay(day), utc(2026, 10, 25, 23, 59, 59));
  EXPECT_EQ(endOfLocalDay(day) + 1s - startOfLocalDay(day), hours{25});
  // Both 01:30s of that morning are on the 25th.
  EXPECT_EQ(localDay(utc(2026, 10, 25, 0, 30)), day);
  EXPECT_EQ(localDay(utc(2026, 10, 25, 1, 30)), day);
}

TEST(LocalTime, BeyondTheListedChangesTheStandingRuleHolds) {
  // Zone files list London's changes only up to 2037; after that the rule
  // they state (last Sundays of March and October) applies. 1 July 2040
  // is in BST, so 23:30 UTC on 30 June is already 1 July.
  EXPECT_EQ(localDay(utc(2040, 6, 30, 23, 30)), d(2040, 7, 1));
  // 25 March 2040 is the last Sunday of March: a 23-hour day.
  EXPECT_EQ(endOfLocalDay(d(2040, 3, 25)) + 1s -
                startOfLocalDay(d(2040, 3, 25)),
            hours{23});
  EXPECT_EQ(isoLocalTime(utc(2100, 7, 1, 12, 0)), "2100-07-01T13:00:00+01:00");
  EXPECT_EQ(isoLocalTime(utc(2100, 12, 1, 12, 0)), "2100-12-01T12:00:00+00:00");
}

struct Accepted {
  const char *text;
  Instant expected;
};

TEST(ParseTimestamp, AcceptedForms) {
  const std::vector<Accepted> cases = {
      // UTC, with and without seconds.
      {"2026-11-20T16:30:00Z", utc(2026, 11, 20, 16, 30)},
      {"2026-11-20T16:30Z", utc(2026, 11, 20, 16, 30)},
      {"2026-11-20T16:30:45Z", utc(2026, 11, 20, 16, 30, 45)},
      // An offset: local time less the offset is UTC.
      {"2026-11-20T16:30:00+01:00", utc(2026, 11, 20, 15, 30)},
      {"2026-11-20T16:30:00-05:00", utc(2026, 11, 20, 21, 30)},
      {"2026-11-20T16:30:00+00:00", utc(2026, 11, 20, 16, 30)},
      {"2026-11-20T16:30:00-00:00", utc(2026, 11, 20, 16, 30)},
      {"2026-11-20T16:30+05:30", utc(2026, 11, 20, 11, 0)},
      // Neither: Europe/London local time, GMT in November, BST in June.
      {"2026-11-20T16:30", utc(2026, 11, 20, 16, 30)},
      {"2026-11-20T16:30:00", utc(2026, 11, 20, 16, 30)},
      {"2026-06-20T16:30", utc(2026, 6, 20, 15, 30)},
      {"2026-06-20T16:30:15", utc(2026, 6, 20, 15, 30, 15)},
      {"2026-11-20T00:00", utc(2026, 11, 20, 0, 0)},
      {"2026-11-20T23:59:59", utc(2026, 11, 20, 23, 59, 59)},
      // A date alone is 09:00 local time.
      {"2026-11-20", utc(2026, 11, 20, 9, 0)},
      {"2026-06-20", utc(2026, 6, 20, 8, 0)},
      // A leap day is a real day.
      {"2028-02-29T12:00Z", utc(2028, 2, 29, 12, 0)},
  };
  for (const Accepted &c : cases) {
    std::optional<Instant> t = parseTimestamp(c.text);
    ASSERT_TRUE(t.has_value()) << c.text;
    EXPECT_EQ(*t, c.expected) << c.text;
  }
}

TEST(ParseTimestamp, RejectedForms) {
  for (const char *text : {
           "",
           "2026",
           "2026-11",
           "26-11-20",
           "2026-1-20",
           "2026-13-01",             // month 13
           "2026-00-10",             // month 0
           "2026-02-30",             // no 30 February
           "2026-02-29",             // 2026 is not a leap year
           "2026-11-31",             // November has 30 days
           "2026-11-20T24:00",       // hour 24
           "2026-11-20T16:60",       // minute 60
           "2026-11-20T16:30:60",    // second 60 (no leap seconds)
           "2026-11-20T",            // no time after T
           "2026-11-20T16",          // no minutes
           "2026-11-20T1630",        // no colon
           "2026-11-20T16:3",        // one digit
           "2026-11-20T16:3a",       // not a digit
           "2026-11-20T16:30:",      // colon, no seconds
           "2026-11-20 16:30",       // a space for the T
           "2026-11-20t16:30",       // lower-case t
           "2026-11-20T16:30:00z",   // lower-case z
           "2026-11-20T16:30:00.5Z", // fractions of a second
           "2026-11-20T16:30:00Zjunk",
           "2026-11-20T16:30:00+01:00x",
           "2026-11-20T16:30:00+0100", // offset without a colon
           "2026-11-20T16:30:00+1:00", // offset hour with one digit
           "2026-11-20T16:30:00+24:00",
           "2026-11-20T16:30:00+01:60",
           "2026-11-20T16:30:00 ",
           " 2026-11-20",
           "2026-11-20junk",
           "2026/11/20",
       }) {
    EXPECT_FALSE(parseTimestamp(text).has_value()) << '"' << text << '"';
  }
}

TEST(ParseTimestamp, TheHourThatHappensTwiceReadsAsTheEarlier) {
  // 01:30 on Sunday 25 October 2026 happens at 00:30 UTC (BST) and again
  // at 01:30 UTC (GMT). Without an offset, the earlier; an offset chooses.
  EXPECT_EQ(parseTimestamp("2026-10-25T01:30"), utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(parseTimestamp("2026-10-25T01:30:00+01:00"),
            utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(parseTimestamp("2026-10-25T01:30:00+00:00"),
            utc(2026, 10, 25, 1, 30));
  // Just before and after the repeated hour there is one reading.
  EXPECT_EQ(parseTimestamp("2026-10-25T00:59:59"),
            utc(2026, 10, 24, 23, 59, 59));
  EXPECT_EQ(parseTimestamp("2026-10-25T02:00"), utc(2026, 10, 25, 2, 0));
}

TEST(ParseTimestamp, TheHourThatNeverHappensReadsAsItsEnd) {
  // On Sunday 29 March 2026 the clocks jump from 01:00 GMT to 02:00 BST:
  // local 01:00 to 01:59:59 do not exist. They read as the instant the
  // gap ends, 02:00 BST = 01:00 UTC.
  EXPECT_EQ(parseTimestamp("2026-03-29T01:00"), utc(2026, 3, 29, 1, 0));
  EXPECT_EQ(parseTimestamp("2026-03-29T01:30"), utc(2026, 3, 29, 1, 0));
  EXPECT_EQ(parseTimestamp("2026-03-29T01:59:59"), utc(2026, 3, 29, 1, 0));
  // Either side of the gap, the ordinary readings.
  EXPECT_EQ(parseTimestamp("2026-03-29T00:59:59"), utc(2026, 3, 29, 0, 59, 59));
  EXPECT_EQ(parseTimestamp("2026-03-29T02:00"), utc(2026, 3, 29, 1, 0));
  EXPECT_EQ(parseTimestamp("2026-03-29T02:30"), utc(2026, 3, 29, 1, 30));
}

TEST(LocalTime, LongLocalTime) {
  EXPECT_EQ(longLocalTime(utc(2026, 11, 20, 16, 30)),
            "Friday 20 November 2026 16:30");
  EXPECT_EQ(longLocalTime(utc(2026, 6, 20, 15, 30)),
            "Saturday 20 June 2026 16:30");
  // 23:30 UTC on 30 June is 00:30 on 1 July in London.
  EXPECT_EQ(longLocalTime(utc(2026, 6, 30, 23, 30)),
            "Wednesday 1 July 2026 00:30");
  // Seconds are not shown.
  EXPECT_EQ(longLocalTime(utc(2026, 11, 20, 16, 30, 59)),
            "Friday 20 November 2026 16:30");
}

TEST(LocalTime, IsoLocalTimeCarriesTheOffset) {
  EXPECT_EQ(isoLocalTime(utc(2026, 11, 20, 16, 30)),
            "2026-11-20T16:30:00+00:00");
  EXPECT_EQ(isoLocalTime(utc(2026, 6, 20, 15, 30, 5)),
            "2026-06-20T16:30:05+01:00");
  EXPECT_EQ(isoLocalTime(utc(2026, 6, 30, 23, 30)),
            "2026-07-01T00:30:00+01:00");
  // The two 01:30s of 25 October 2026 differ only in their offsets.
  EXPECT_EQ(isoLocalTime(utc(2026, 10, 25, 0, 30)),
            "2026-10-25T01:30:00+01:00");
  EXPECT_EQ(isoLocalTime(utc(2026, 10, 25, 1, 30)),
            "2026-10-25T01:30:00+00:00");
  // Read back, each gives the instant it came from.
  for (Instant t : {utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30),
                    utc(2026, 3, 29, 1, 0), utc(2026, 6, 30, 23, 30)})
    EXPECT_EQ(parseTimestamp(isoLocalTime(t)), t) << isoLocalTime(t);
}

} // namespace
} // namespace escalade::runtime
