// BankHolidaysTest.cpp — calendars read from a file in the gov.uk
// bank-holidays format: tests/data/bank-holidays-sample.json holds the 2026
// holidays of the three gov.uk divisions and a partnership's own closure
// days, and small texts here are each wrong in one way, with the error the
// reader must give.
#include "calendar/BankHolidays.h"
#include "calendar/Deadlines.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace escalade::runtime {
namespace {

using namespace std::chrono;

Day d(int y, unsigned m, unsigned day) { return sys_days{year{y} / m / day}; }

std::string sampleText() {
  std::ifstream in(ESCALADE_TEST_DATA_DIR "/bank-holidays-sample.json",
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const BankHolidayFile &sample() {
  static const BankHolidayFile file = [] {
    std::string error;
    std::optional<BankHolidayFile> f = parseBankHolidays(sampleText(), error);
    EXPECT_TRUE(f.has_value()) << error;
    return f.value_or(BankHolidayFile{});
  }();
  return file;
}

WorkingDayCalendar calendar(std::string_view division) {
  std::string error;
  std::optional<WorkingDayCalendar> cal =
      calendarFor(sample(), division, error);
  EXPECT_TRUE(cal.has_value()) << error;
  return cal.value_or(WorkingDayCalendar("none", 2026, 2026, {}));
}

/// The error parseBankHolidays gives for `json`, or "" if it reads it.
std::string errorFor(std::string_view json) {
  std::string error;
  std::optional<BankHolidayFile> f = parseBankHolidays(json, error);
  if (f)
    return "";
  EXPECT_FALSE(error.empty());
  return error;
}

TEST(BankHolidays, EveryDivisionLoads) {
  const BankHolidayFile &file = sample();
  ASSERT_EQ(file.divisions.size(), 4u);
  EXPECT_EQ(file.divisions[0].name, "england-and-wales");
  EXPECT_EQ(file.divisions[0].days.size(), 8u);
  EXPECT_EQ(file.divisions[1].name, "scotland");
  EXPECT_EQ(file.divisions[1].days.size(), 9u);
  EXPECT_EQ(file.divisions[2].name, "northern-ireland");
  EXPECT_EQ(file.divisions[2].days.size(), 10u);
  EXPECT_EQ(file.divisions[3].name, "example-closures");
  EXPECT_EQ(file.divisions[3].days.size(), 13u);
  for (const char *name : {"england-and-wales", "scotland", "northern-ireland",
                           "example-closures"}) {
    WorkingDayCalendar cal = calendar(name);
    EXPECT_EQ(cal.name(), name);
    EXPECT_EQ(cal.firstYear(), 2026);
    EXPECT_EQ(cal.lastYear(), 2026);
  }
}

TEST(BankHolidays, EnglandAndWalesFromTheFileMatchesTheBuiltInYear) {
  std::vector<Day> builtIn;
  for (Day h : WorkingDayCalendar::englandAndWales().holidays())
    if (year_month_day{h}.year() == year{2026})
      builtIn.push_back(h);
  EXPECT_EQ(calendar("england-and-wales").holidays(), builtIn);
}

TEST(BankHolidays, Scotland) {
  WorkingDayCalendar scotland = calendar("scotland");
  // 2 January is a bank holiday in Scotland only.
  EXPECT_FALSE(scotland.isWorkingDay(d(2026, 1, 2)));
  EXPECT_TRUE(
      WorkingDayCalendar::englandAndWales().isWorkingDay(d(2026, 1, 2)));
  // St Andrew's Day, Monday 30 November 2026.
  EXPECT_FALSE(scotland.isWorkingDay(d(2026, 11, 30)));
  // Easter Monday and the last Monday of August are working days there;
  // the summer holiday is the first Monday of August.
  EXPECT_TRUE(scotland.isWorkingDay(d(2026, 4, 6)));
  EXPECT_TRUE(scotland.isWorkingDay(d(2026, 8, 31)));
  EXPECT_FALSE(scotland.isWorkingDay(d(2026, 8, 3)));
  // Raised Thursday 1 January 2026 (a holiday everywhere), + 1 working day:
  // in England and Wales Friday 2 January; in Scotland Monday 5 January.
  Instant raised = *parseTimestamp("2026-01-01T10:00");
  EXPECT_EQ(isoLocalTime(deadlineAfter(raised, DeadlineUnit::WorkingDays, 1,
                                       WorkingDayCalendar::englandAndWales())),
            "2026-01-02T23:59:59+00:00");
  EXPECT_EQ(isoLocalTime(
                deadlineAfter(raised, DeadlineUnit::WorkingDays, 1, scotland)),
            "2026-01-05T23:59:59+00:00");
}

TEST(BankHolidays, NorthernIreland) {
  WorkingDayCalendar ni = calendar("northern-ireland");
  // St Patrick's Day, Tuesday 17 March, and the Battle of the Boyne,
  // Monday 13 July (12 July 2026 is a Sunday).
  EXPECT_FALSE(ni.isWorkingDay(d(2026, 3, 17)));
  EXPECT_FALSE(ni.isWorkingDay(d(2026, 7, 13)));
  EXPECT_TRUE(ni.isWorkingDay(d(2026, 7, 14)));
  // Monday 16 March + 1 working day is Wednesday 18 March.
  EXPECT_EQ(ni.addWorkingDays(d(2026, 3, 16), 1), d(2026, 3, 18));
}

TEST(BankHolidays, APartnershipsClosureDays) {
  WorkingDayCalendar closures = calendar("example-closures");
  EXPECT_FALSE(closures.isWorkingDay(d(2026, 10, 16))); // training day
  EXPECT_FALSE(closures.isWorkingDay(d(2026, 12, 24)));
  EXPECT_FALSE(closures.isWorkingDay(d(2026, 12, 31)));
  // The bank holidays are listed too, so they are still days off.
  EXPECT_FALSE(closures.isWorkingDay(d(2026, 12, 28)));
  // Raised Thursday 15 October + 1 is Monday 19 October (Friday 16 is a
  // training day).
  EXPECT_EQ(closures.addWorkingDays(d(2026, 10, 15), 1), d(2026, 10, 19));
  // Raised Wednesday 23 December: the offices are closed from the 24th to
  // the end of the year, as far as the file goes. Beyond it only weekends
  // are known, so 1 working day is Friday 1 January 2027, though that is a
  // bank holiday: a file should list the coming year's days too.
  EXPECT_FALSE(closures.covers(d(2027, 1, 1)));
  EXPECT_EQ(closures.addWorkingDays(d(2026, 12, 23), 1), d(2027, 1, 1));
}

TEST(BankHolidays, ExtraFieldsAndByteOrderMarkAreAllowed) {
  // gov.uk may add fields; a file saved by some Windows editors starts
  // with a byte-order mark. Neither stops the file being read.
  std::string error;
  auto f = parseBankHolidays(
      "\xEF\xBB\xBF{\"x\": {\"events\": [{\"date\": \"2026-02-03\", "
      "\"colour\": [1, 2.5, null, {\"a\": false}]}], \"updated\": null}}",
      error);
  ASSERT_TRUE(f.has_value()) << error;
  ASSERT_EQ(f->divisions.size(), 1u);
  EXPECT_EQ(f->divisions[0].days, std::vector<Day>{d(2026, 2, 3)});
}

TEST(BankHolidays, NotJson) {
  EXPECT_EQ(errorFor(""), "the file is empty");
  EXPECT_EQ(errorFor("   \n  "), "the file is empty");
  EXPECT_EQ(errorFor("this is not JSON"),
            "line 1, column 1: this is not JSON: a bank-holidays file starts "
            "with {");
  EXPECT_EQ(errorFor("\n  <html>"), "line 2, column 3: this is not JSON: a "
                                    "bank-holidays file starts with {");
  std::string e;
  // A missing comma between two events, on line 3.
  e = errorFor("{\"x\": {\"events\": [\n"
               "  {\"date\": \"2026-01-01\"}\n"
               "  {\"date\": \"2026-01-02\"}\n"
               "]}}");
  EXPECT_EQ(e.rfind("line 3, column 3: ", 0), 0u) << e;
  EXPECT_NE(e.find("not well-formed JSON"), std::string::npos) << e;
  // A misspelt true in a field the reader has no use for is still found.
  e = errorFor("{\"x\": {\"events\": [\n"
               "  {\"date\": \"2026-01-01\", \"bunting\": tru}\n"
               "]}}");
  EXPECT_EQ(e.rfind("line 2, column ", 0), 0u) << e;
  e = errorFor("{\"x\": {\"events\": [], \"other\": nul}}");
  EXPECT_EQ(e.rfind("line 1, column ", 0), 0u) << e;
  // Text after the object.
  EXPECT_EQ(errorFor("{\"x\": {\"events\": []}}\n{}"),
            "line 2, column 1: there is more text after the end of the JSON "
            "object");
  // A comma after the last event.
  EXPECT_EQ(errorFor("{\"x\": {\"events\": [{\"date\": \"2026-01-01\"},]}}"),
            "line 1, column 42: this is not well-formed JSON (look for a "
            "missing or extra comma, colon, quote, brace or bracket)");
  // Single quotes are not JSON.
  EXPECT_EQ(errorFor("{'x': {}}").substr(0, 18), "line 1, column 2: ");
  // A tab inside a string, a bad escape, a bad number.
  EXPECT_EQ(errorFor("{\"x\": {\"events\": [], \"y\": \"a\tb\"}}"),
            "line 1, column 29: a string holds a tab or other control "
            "character; write a tab as \\t");
  EXPECT_EQ(errorFor("{\"x\": {\"events\": [], \"y\": \"\\q\"}}").substr(0, 19),
            "line 1, column 31: ");
  EXPECT_EQ(errorFor("{\"x\": {\"events\": [], \"y\": 01}}"),
            "line 1, column 27: a number is not written correctly");
  // A closing quote left out: the string runs to the end of the line.
  EXPECT_EQ(errorFor("{\"x\": {\"events\": [\n  {\"date\": \"2026-01-01},\n"
                     "  {\"date\": \"2026-01-02\"}]}}"),
            "line 2, column 12: this string is not closed before the end of "
            "the line");
  // Latin-1 text: "St Andrew\xe9s".
  EXPECT_EQ(errorFor("{\"x\": {\"events\": [{\"title\": \"Andr\xe9\"}]}}"),
            "line 1, column 34: the file is not UTF-8 text (it may have been "
            "saved as Windows-1252 or Latin-1)");
  // A closing bracket too many.
  EXPECT_EQ(errorFor("{\"x\": {\"events\": []}}}"),
            "line 1, column 22: there is more text after the end of the JSON "
            "object");
  EXPECT_EQ(errorFor("}"), "line 1, column 1: this } closes nothing that "
                           "was opened");
}

TEST(BankHolidays, Truncated) {
  // The sample cut short in the middle of a string: Scotland's second
  // event, on line 19, starts `      {"title": "2nd January"`.
  std::string text = sampleText();
  EXPECT_EQ(errorFor(text.substr(0, text.find("2nd January") + 3)),
            "line 19, column 17: this string is not closed before the end of "
            "the file (is the file cut short?)");
  // Cut between divisions: the place is the end of the text.
  EXPECT_EQ(errorFor(text.substr(0, text.find("\"northern-ireland\""))),
            "line 29, column 3: the file ends before every { and [ is closed "
            "(is it cut short?)");
  // Cut before the last two closing brackets.
  EXPECT_EQ(errorFor("{\"x\": {\"events\": [{\"date\": \"2026-01-01\"}"),
            "line 1, column 41: the file ends before every { and [ is closed "
            "(is it cut short?)");
  // Every cut of the sample is refused with a place, except where only the
  // final line break is gone.
  for (size_t n = 1; n + 1 < text.size(); n += 97) {
    std::string e = errorFor(text.substr(0, n));
    EXPECT_EQ(e.rfind("line ", 0), 0u) << n << ": " << e;
  }
  EXPECT_EQ(errorFor(text.substr(0, text.size() - 1)), "");
}

TEST(BankHolidays, WrongShapes) {
  EXPECT_EQ(errorFor("[1, 2]"),
            "line 1, column 1: the file must hold one JSON object whose "
            "fields are divisions (as gov.uk's bank-holidays.json does), but "
            "it holds a list");
  EXPECT_EQ(errorFor("{\"scotland\": \"none\"}"),
            "line 1, column 14: division \"scotland\" must be an object "
            "holding \"events\", but it is a string");
  EXPECT_EQ(errorFor("{\"scotland\": {\"division\": \"scotland\"}}"),
            "line 1, column 14: division \"scotland\" has no \"events\" list");
  EXPECT_EQ(errorFor("{\"scotland\": {\n  \"events\": {\"date\": "
                     "\"2026-01-02\"}}}"),
            "line 2, column 13: \"events\" of \"scotland\" must be a list (a "
            "JSON array), but it is an object");
  EXPECT_EQ(errorFor("{\"scotland\": {\"events\": [\"2026-01-02\"]}}"),
            "line 1, column 26: event 1 of \"scotland\" must be an object "
            "with a \"date\", but it is a string");
  EXPECT_EQ(errorFor("{\"scotland\": {\"events\": [{\"title\": \"x\"}]}}"),
            "line 1, column 26: event 1 of \"scotland\" has no \"date\"");
  EXPECT_EQ(errorFor("{\"scotland\": {\"events\": [{\"date\": 20260102}]}}"),
            "line 1, column 35: event 1 of \"scotland\": \"date\" must be a "
            "string, but it is a number");
  EXPECT_EQ(errorFor("{\"s\": {\"events\": [{\"date\": \"2026-01-02\", "
                     "\"title\": 3}]}}"),
            "line 1, column 51: event 1 of \"s\": \"title\" must be a string, "
            "but it is a number");
  EXPECT_EQ(errorFor("{\"s\": {\"events\": [{\"date\": \"2026-01-02\", "
                     "\"bunting\": \"yes\"}]}}"),
            "line 1, column 53: event 1 of \"s\": \"bunting\" must be true or "
            "false, but it is a string");
  EXPECT_EQ(errorFor("{\"s\": {\"division\": 1, \"events\": []}}"),
            "line 1, column 20: division \"s\": \"division\" must be a "
            "string, but it is a number");
  EXPECT_EQ(errorFor("{\"s\": {\"events\": []},\n \"s\": {\"events\": []}}"),
            "line 2, column 2: the division \"s\" appears twice in the file");
}

TEST(BankHolidays, BadDates) {
  // The third event of Scotland is on line 5; its date starts at column 34.
  std::string text =
      "{\n"
      "  \"scotland\": {\"events\": [\n"
      "    {\"title\": \"New Year’s Day\", \"date\": \"2026-01-01\"},\n"
      "    {\"title\": \"2nd January\", \"date\": \"2026-01-02\"},\n"
      "    {\"title\": \"Made up\", \"date\": \"2026-13-01\"}\n"
      "  ]}\n"
      "}\n";
  EXPECT_EQ(errorFor(text),
            "line 5, column 34: event 3 of \"scotland\": \"date\" is "
            "\"2026-13-01\", which is not a date (dates are written "
            "YYYY-MM-DD)");
  // Columns count characters, not bytes: the ’ on line 3 is three bytes.
  std::string badOnLine3 = text;
  badOnLine3.replace(badOnLine3.find("2026-01-01"), 10, "2026-02-30");
  EXPECT_EQ(errorFor(badOnLine3).substr(0, 19), "line 3, column 41: ");
  for (const char *bad : {"2026-02-30", "26-01-02", "2026-1-2", "2 January",
                          "2026-01-02T00:00", ""}) {
    std::string e = errorFor(
        std::string("{\"s\": {\"events\": [{\"date\": \"") + bad + "\"}]}}");
    EXPECT_NE(e.find("which is not a date"), std::string::npos) << e;
  }
  EXPECT_EQ(errorFor("{\"s\": {\"events\": [{\"date\": \"1899-12-31\"}]}}"),
            "line 1, column 28: event 1 of \"s\": \"date\" is \"1899-12-31\", "
            "outside the years 1900 to 2200");
  EXPECT_NE(errorFor("{\"s\": {\"events\": [{\"date\": \"2201-01-01\"}]}}")
                .find("outside the years 1900 to 2200"),
            std::string::npos);
  EXPECT_EQ(errorFor("{\"s\": {\"events\": [{\"date\": \"1900-01-01\"}, "
                     "{\"date\": \"2200-12-31\"}]}}"),
            "");
}

TEST(BankHolidays, MissingOrEmptyDivision) {
  std::string error;
  EXPECT_FALSE(calendarFor(sample(), "wales", error).has_value());
  EXPECT_EQ(error, "there is no division \"wales\" in the file; it has "
                   "\"england-and-wales\", \"scotland\", \"northern-ireland\" "
                   "and \"example-closures\"");
  std::optional<BankHolidayFile> empty =
      parseBankHolidays("{\"none-yet\": {\"events\": []}}", error);
  ASSERT_TRUE(empty.has_value()) << error;
  EXPECT_FALSE(calendarFor(*empty, "none-yet", error).has_value());
  EXPECT_EQ(error, "the division \"none-yet\" has no days in it");
  std::optional<BankHolidayFile> nothing = parseBankHolidays("{}", error);
  ASSERT_TRUE(nothing.has_value()) << error;
  EXPECT_FALSE(calendarFor(*nothing, "scotland", error).has_value());
  EXPECT_EQ(error, "there is no division \"scotland\" in the file, which has "
                   "none");
}

TEST(BankHolidays, CoversTheYearsOfItsDays) {
  std::string error;
  auto f = parseBankHolidays(
      "{\"s\": {\"events\": [{\"date\": \"2027-01-01\"}, "
      "{\"date\": \"2025-12-25\"}, {\"date\": \"2026-05-04\"}]}}",
      error);
  ASSERT_TRUE(f.has_value()) << error;
  auto cal = calendarFor(*f, "s", error);
  ASSERT_TRUE(cal.has_value()) << error;
  EXPECT_EQ(cal->firstYear(), 2025);
  EXPECT_EQ(cal->lastYear(), 2027);
  EXPECT_EQ(cal->holidays().size(), 3u);
}

} // namespace
} // namespace escalade::runtime
