// LocalTime.cpp — Europe/London, from the system's time-zone database.
//
// Howard Hinnant's date library as Debian builds it (USE_OS_TZDB=1) reads
// the compiled zone files of the tzdata package in /usr/share/zoneinfo; it
// has no code to fetch a database (HAS_REMOTE_API is 0, checked below), and
// it ignores the TZ variable, so the answers do not depend on the machine's
// own zone.
//
// One gap in that reader: it uses only the transitions listed in the zone
// file and not the rule the file states for the years after them (the
// POSIX-style line at its end, "GMT0BST,M3.5.0/1,M10.5.0" for London).
// Debian's files list London's changes up to 2037, so without help every
// summer from 2038 on would read as GMT. From the start of the last listed
// span on, this file follows that rule itself, provided the zone file
// states that rule (or cannot be read); a file stating another rule is
// left to the date library. (The library's own Posix::time_zone, in
// date/ptz.h, does not compile as C++20 in version 3.0.1.)
//
// Local times that do not exist or happen twice: in the hour the clocks go
// back (01:00 to 01:59 on the last Sunday of October) a local time is read
// as the earlier of its two instants (date::choose::earliest, still BST);
// a local time in the hour the clocks skip (01:00 to 01:59 on the last
// Sunday of March) is read as the instant the gap ends, 02:00 BST (01:00
// UTC), which is what the date library gives for a non-existent time.
#include "calendar/LocalTime.h"

#include "calendar/DateFormat.h"

#include <date/tz.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

static_assert(USE_OS_TZDB == 1,
              "the calendar must read the system's tz database (tzdata)");
static_assert(HAS_REMOTE_API == 0,
              "the date library must not be able to download a tz database");

namespace escalade::runtime {

using namespace std::chrono;

namespace {

/// The rule London's zone file states for the years after its list: GMT,
/// and BST (an hour ahead) from 01:00 UTC on the last Sunday of March to
/// 01:00 UTC on the last Sunday of October (the Summer Time Order 2002).
constexpr std::string_view StandingRule = "GMT0BST,M3.5.0/1,M10.5.0";

/// The instants BST starts and ends in year `y` under the standing rule.
Instant summerStarts(int y) {
  return Instant{sys_days{year{y} / March / Sunday[last]}} + 1h;
}
Instant summerEnds(int y) {
  return Instant{sys_days{year{y} / October / Sunday[last]}} + 1h;
}

/// The last line of a TZif file of version 2 or later: the POSIX-style rule
/// for the times after its transitions. Empty if there is none.
std::string footerRule(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return {};
  std::ostringstream all;
  all << in.rdbuf();
  std::string bytes = all.str();
  if (bytes.size() < 6 || bytes.compare(0, 4, "TZif") != 0 || bytes[4] < '2' ||
      bytes.back() != '\n')
    return {};
  size_t start = bytes.rfind('\n', bytes.size() - 2);
  if (start == std::string::npos)
    return {};
  return bytes.substr(start + 1, bytes.size() - start - 2);
}

struct London {
  const date::time_zone *Zone = nullptr;
  /// From here on the standing rule decides, not the listed transitions.
  Instant RuleFrom = Instant::max();

  London() {
    try {
      Zone = date::locate_zone("Europe/London");
    } catch (const std::exception &e) {
      throw std::runtime_error(
          std::string("cannot find the time zone Europe/London in the "
                      "system's time-zone database (is the tzdata package "
                      "installed?): ") +
          e.what());
    }
    std::string rule = footerRule("/usr/share/zoneinfo/Europe/London");
    // The span that includes a far-future instant is the last one listed.
    if (rule.empty() || rule == StandingRule)
      RuleFrom = Zone->get_info(sys_days{year{2400} / January / 1}).begin;
  }

  seconds offsetAt(Instant t) const {
    if (t < RuleFrom)
      return Zone->get_info(t).offset;
    int y = int(year_month_day{std::chrono::floor<days>(t)}.year());
    return t >= summerStarts(y) && t < summerEnds(y) ? 1h : 0h;
  }

  date::local_seconds toLocal(Instant t) const {
    return date::local_seconds{t.time_since_epoch() + offsetAt(t)};
  }

  /// A local time as an instant: the earlier reading in the hour the
  /// clocks go back; the end of the gap in the hour they skip.
  Instant fromLocal(date::local_seconds lt) const {
    Instant t = Zone->to_sys(lt, date::choose::earliest);
    if (t < RuleFrom)
      return t;
    // The standing rule: local times are GMT until 01:00 on the last Sunday
    // of March, skip to 02:00 (BST), and are BST until 02:00 on the last
    // Sunday of October, when 01:00 to 01:59 come again in GMT.
    Instant asUtc{lt.time_since_epoch()};
    int y = int(year_month_day{std::chrono::floor<days>(asUtc)}.year());
    Instant starts = summerStarts(y), ends = summerEnds(y);
    if (asUtc < starts)
      return asUtc;
    if (asUtc < starts + 1h)
      return starts; // in the gap: the instant it ends
    if (asUtc < ends + 1h)
      return asUtc - 1h; // BST, and the earlier of two readings
    return asUtc;
  }
};

const London &london() {
  static const London zone;
  return zone;
}

date::local_seconds localMidnight(Day d) {
  return date::local_seconds{duration_cast<seconds>(d.time_since_epoch())};
}

/// Reads exactly `count` decimal digits from `text` at `at`.
std::optional<unsigned> digits(std::string_view text, size_t at, size_t count) {
  if (at + count > text.size())
    return std::nullopt;
  unsigned v = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9')
      return std::nullopt;
    v = v * 10 + unsigned(text[i] - '0');
  }
  return v;
}

} // namespace

Day localDay(Instant t) {
  auto local = london().toLocal(t);
  return Day{std::chrono::floor<days>(local.time_since_epoch())};
}

Instant startOfLocalDay(Day d) { return london().fromLocal(localMidnight(d)); }

Instant endOfLocalDay(Day d) { return startOfLocalDay(d + days{1}) - 1s; }

std::optional<Instant> parseTimestamp(std::string_view text) {
  if (text.size() < 10)
    return std::nullopt;
  std::optional<Day> day = parseIsoDate(text.substr(0, 10));
  if (!day)
    return std::nullopt;
  if (text.size() == 10)
    return london().fromLocal(localMidnight(*day) + 9h);
  // "THH:MM", then ":SS" if given, then "Z", "+HH:MM", "-HH:MM" or nothing.
  if (text[10] != 'T')
    return std::nullopt;
  auto hh = digits(text, 11, 2), mm = digits(text, 14, 2);
  if (!hh || !mm || text.size() < 16 || text[13] != ':' || *hh > 23 || *mm > 59)
    return std::nullopt;
  size_t at = 16;
  unsigned ss = 0;
  if (at < text.size() && text[at] == ':') {
    auto s = digits(text, at + 1, 2);
    if (!s || *s > 59)
      return std::nullopt;
    ss = *s;
    at += 3;
  }
  seconds sinceMidnight = hours{*hh} + minutes{*mm} + seconds{ss};
  std::string_view zone = text.substr(at);
  if (zone.empty())
    return london().fromLocal(localMidnight(*day) + sinceMidnight);
  Instant asUtc =
      Instant{duration_cast<seconds>(day->time_since_epoch())} + sinceMidnight;
  if (zone == "Z")
    return asUtc;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
    return std::nullopt;
  auto oh = digits(zone, 1, 2), om = digits(zone, 4, 2);
  if (!oh || !om || *oh > 23 || *om > 59)
    return std::nullopt;
  seconds offset = hours{*oh} + minutes{*om};
  // Local time is UTC plus the offset, so UTC is local time less it.
  return zone[0] == '+' ? asUtc - offset : asUtc + offset;
}

std::string longLocalTime(Instant t) {
  auto local = london().toLocal(t);
  auto day = std::chrono::floor<days>(local);
  hh_mm_ss<seconds> time{local - day};
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", int(time.hours().count()),
                int(time.minutes().count()));
  return longDate(Day{day.time_since_epoch()}) + " " + buf;
}

std::string isoLocalTime(Instant t) {
  auto local = london().toLocal(t);
  auto day = std::chrono::floor<days>(local);
  hh_mm_ss<seconds> time{local - day};
  long offset = london().offsetAt(t).count();
  char sign = offset < 0 ? '-' : '+';
  if (offset < 0)
    offset = -offset;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d%c%02ld:%02ld",
                int(time.hours().count()), int(time.minutes().count()),
                int(time.seconds().count()), sign, offset / 3600,
                offset / 60 % 60);
  return isoDate(Day{day.time_since_epoch()}) + buf;
}

} // namespace escalade::runtime
