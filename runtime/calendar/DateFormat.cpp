// DateFormat.cpp — writing and reading days.
#include "calendar/DateFormat.h"

#include <cstdio>

namespace escalade::runtime {

using namespace std::chrono;

std::string longDate(sys_days day) {
  static const char *const Weekdays[] = {"Sunday",    "Monday",   "Tuesday",
                                         "Wednesday", "Thursday", "Friday",
                                         "Saturday"};
  static const char *const Months[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  year_month_day ymd{day};
  weekday wd{day};
  return std::string(Weekdays[wd.c_encoding()]) + " " +
         std::to_string(unsigned(ymd.day())) + " " +
         Months[unsigned(ymd.month()) - 1] + " " +
         std::to_string(int(ymd.year()));
}

std::string isoDate(sys_days day) {
  year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

std::optional<sys_days> parseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  auto digits = [&](size_t from, size_t count) -> std::optional<unsigned> {
    unsigned v = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9')
        return std::nullopt;
      v = v * 10 + unsigned(text[i] - '0');
    }
    return v;
  };
  auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (!y || !m || !d)
    return std::nullopt;
  year_month_day ymd{year{int(*y)}, month{*m}, day{*d}};
  if (!ymd.ok())
    return std::nullopt;
  return sys_days{ymd};
}

} // namespace escalade::runtime
