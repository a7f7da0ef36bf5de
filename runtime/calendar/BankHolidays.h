// BankHolidays.h — calendars read from a file in the UK government's
// bank-holidays format (https://www.gov.uk/bank-holidays.json): Scotland,
// Northern Ireland, or a partnership's own closure days written the same
// way. Parsed with simdjson.
#pragma once

#include "calendar/WorkingDayCalendar.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace escalade::runtime {

/// The divisions a file holds: "england-and-wales", "scotland", ...
struct BankHolidayFile {
  struct Division {
    std::string name;
    std::vector<Day> days;
  };
  std::vector<Division> divisions;
};

/// Reads the JSON text. On failure returns nullopt and sets `error` to a
/// sentence naming what is wrong and where ("line 3, column 14: ...").
std::optional<BankHolidayFile> parseBankHolidays(std::string_view json,
                                                 std::string &error);

/// A calendar of one division's days, covering the years from the first
/// to the last holiday in it. nullopt (and `error`) if the division is not
/// in the file or has no days.
std::optional<WorkingDayCalendar> calendarFor(const BankHolidayFile &file,
                                              std::string_view division,
                                              std::string &error);

/// Both steps: one division's calendar from the JSON text of a file.
/// nullopt (and `error`) if the text is not such a file or lacks it.
std::optional<WorkingDayCalendar> calendarFromJson(std::string_view json,
                                                   std::string_view division,
                                                   std::string &error);

} // namespace escalade::runtime
