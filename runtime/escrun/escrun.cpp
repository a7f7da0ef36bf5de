// escrun.cpp — the Escalade interpreter's command line: runs compiled
// procedure tables over case events. Links neither ANTLR nor LLVM.
//
//   escrun status TABLE EVENTS [--as-of WHEN] [--format=text|json]
//   escrun timetable TABLE --raised WHEN [--procedure NAME] [--format=...]
//
// Exit codes: 0 every event accepted; 1 some event rejected (the reports
// are still written); 2 usage problems, or an unreadable table or file.
#include "calendar/BankHolidays.h"
#include "calendar/DateFormat.h"
#include "interp/CaseReport.h"
#include "interp/Describe.h"
#include "interp/EventReader.h"
#include "interp/JsonWriter.h"
#include "interp/ReportWriters.h"
#include "interp/Timetable.h"
#include "table/TableFormat.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

using namespace escalade;
using runtime::Instant;

namespace {

constexpr const char *Usage =
    R"(escrun: runs Escalade procedure tables over case events

usage:
  escrun status TABLE EVENTS [--as-of WHEN] [--format=text|json]
      For every case in EVENTS (JSON Lines; '-' reads standard input): its
      stage and since when, what is due and by when, what is still to be
      done, what was missed, overdue deadlines and the outcome.
      --as-of WHEN   judge deadlines at this moment (default: the time of
                     the latest event), such as 2026-11-30 or
                     2026-11-30T17:00
  escrun timetable TABLE --raised WHEN [--procedure NAME] [--stage NAME]
                   [--format=text|json]
      The latest date every stage can begin and must be finished by, for a
      case raised then (or at --stage then), on the worst route.

  Both take --calendar FILE --division NAME to count working days with a
  bank-holidays file in the gov.uk format instead of the table's calendar.
  Tables are written by 'escc build'. Events: docs/escrun.md.
)";

int usageError(const std::string &message) {
  std::cerr << "escrun: error: " << message << "\n"
            << "Run 'escrun --help' for usage.\n";
  return 2;
}

/// Reads a whole file (or standard input for "-"); refuses devices and
/// folders, and files over `limit` bytes.
bool readFile(const std::string &path, std::string &out, std::string &error,
              size_t limit) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    error = "cannot read '" + path + "': " + std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error = "cannot read '" + path + "': it is not a regular file";
    return false;
  }
  if (size_t(st.st_size) > limit) {
    error = "'" + path + "' is too large (" + std::to_string(st.st_size) +
            " bytes; the limit is " + std::to_string(limit) + ")";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read '" + path + "': " + std::strerror(errno);
    return false;
  }
  // One read of the size stat gave: a stream iterator is ten times slower.
  out.resize(size_t(st.st_size));
  in.read(out.data(), std::streamsize(out.size()));
  out.resize(size_t(in.gcount()));
  return true;
}

struct Options {
  std::string command;
  std::vector<std::string> positional;
  std::string asOf, raised, procedure, stage, calendar, division;
  bool json = false;
};

/// `--name=value` or `--name value`.
bool parseArgs(int argc, char **argv, Options &o, std::string &error) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.size() < 2 || a.compare(0, 2, "--") != 0 || a == "-") {
      if (o.command.empty())
        o.command = a;
      else
        o.positional.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    bool hasValue = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      hasValue = true;
    }
    auto take = [&](std::string &into) {
      if (!hasValue) {
        if (i + 1 >= argc) {
          error = "--" + name + " needs a value";
          return false;
        }
        value = argv[++i];
      }
      into = value;
      return true;
    };
    // Options that take text, and where it goes.
    static const std::pair<const char *, std::string Options::*> Text[] = {
        {"as-of", &Options::asOf},          {"raised", &Options::raised},
        {"procedure", &Options::procedure}, {"stage", &Options::stage},
        {"calendar", &Options::calendar},   {"division", &Options::division}};
    auto text = std::find_if(std::begin(Text), std::end(Text),
                             [&](const auto &t) { return name == t.first; });
    if (text != std::end(Text)) {
      if (!take(o.*(text->second)))
        return false;
    } else if (name == "format") {
      std::string f;
      if (!take(f))
        return false;
      if (f != "text" && f != "json") {
        error = "--format " + f + ": give text or json";
        return false;
      }
      o.json = f == "json";
    } else {
      error = "there is no option --" + name;
      return false;
    }
  }
  return true;
}

std::optional<table::Table> loadTable(const std::string &path,
                                      std::string &error) {
  std::string bytes;
  if (!readFile(path, bytes, error, size_t(256) << 20))
    return std::nullopt;
  table::ReadError why;
  std::optional<table::Table> t = table::readTable(bytes, why);
  if (!t)
    error = path + ": " + why.message +
            (why.offset ? " (at byte " + std::to_string(why.offset) + ")" : "");
  return t;
}

std::optional<runtime::WorkingDayCalendar>
calendarOf(const table::Table &t, const Options &o, std::string &error) {
  if (o.calendar.empty() != o.division.empty()) {
    error = "--calendar and --division go together: a bank-holidays file "
            "holds several calendars, such as --division scotland";
    return std::nullopt;
  }
  if (!o.calendar.empty()) {
    std::string text;
    if (!readFile(o.calendar, text, error, size_t(16) << 20))
      return std::nullopt;
    std::string why;
    auto cal = runtime::calendarFromJson(text, o.division, why);
    if (!cal)
      error = o.calendar + ": " + why;
    return cal;
  }
  std::vector<runtime::Day> days;
  for (int32_t d : t.calendar.holidays)
    days.push_back(runtime::Day{std::chrono::days{d}});
  return runtime::WorkingDayCalendar(t.strings[t.calendar.name],
                                     t.calendar.firstYear, t.calendar.lastYear,
                                     std::move(days));
}

/// Beyond the years a calendar knows, only weekends are skipped: say so
/// once, whenever a date escrun worked out falls there.
void warnIfUncovered(const runtime::WorkingDayCalendar &cal,
                     const std::vector<Instant> &moments) {
  for (Instant t : moments) {
    if (t == interp::Never || cal.covers(runtime::localDay(t)))
      continue;
    std::cerr << "escrun: warning: some dates fall outside " << cal.firstYear()
              << "–" << cal.lastYear()
              << ", the years whose bank holidays the calendar '" << cal.name()
              << "' knows; there only weekends are left out of working "
                 "days\n";
    return;
  }
}

int runStatus(const Options &o) {
  if (o.positional.size() != 2)
    return usageError("status needs a table and an events file, as in "
                      "'escrun status medway.esct events.jsonl'");
  std::string error;
  std::optional<table::Table> t = loadTable(o.positional[0], error);
  if (!t)
    return usageError(error);
  std::optional<runtime::WorkingDayCalendar> cal = calendarOf(*t, o, error);
  if (!cal)
    return usageError(error);
  std::optional<Instant> asOf;
  if (!o.asOf.empty()) {
    asOf = runtime::parseTimestamp(o.asOf);
    if (!asOf)
      return usageError("--as-of " + o.asOf +
                        ": give a date, or a date and time, such as "
                        "2026-11-30 or 2026-11-30T17:00");
    // A date alone means the end of that day.
    if (o.asOf.size() == 10)
      asOf = runtime::endOfLocalDay(runtime::localDay(*asOf));
  }
  std::string text;
  if (!readFile(o.positional[1], text, error, size_t(4) << 30))
    return usageError(error);

  interp::Interpreter in(*t, *cal);
  interp::EventReader reader(text);
  const std::string &name =
      o.positional[1] == "-" ? std::string("<stdin>") : o.positional[1];
  uint64_t rejected = 0;
  Instant latest = Instant::min();
  auto reject = [&](uint64_t line, std::string_view caseRef,
                    const std::string &message) {
    ++rejected;
    std::cerr << name << ":" << line << ": error: "
              << (caseRef.empty() ? "" : "case " + std::string(caseRef) + ": ")
              << message << "\n";
  };
  std::string why;
  uint64_t later = 0;
  reader.read(
      [&](const interp::Event &e) {
        // The report is as of --as-of: what happened after it has not
        // happened yet.
        if (asOf && e.at > *asOf) {
          ++later;
          return;
        }
        if (!in.apply(e, why))
          reject(e.line, e.caseRef, why);
        else
          latest = std::max(latest, e.at);
      },
      [&](const interp::LineError &e) {
        reject(e.line, e.caseRef, e.message);
      });
  std::vector<Instant> moments;
  for (const interp::Case &c : in.cases()) {
    moments.push_back(c.raised);
    moments.push_back(c.overallBy);
    for (const interp::Visit &v : c.visits) {
      moments.push_back(v.beginBy);
      moments.push_back(v.respondBy);
    }
  }
  warnIfUncovered(*cal, moments);
  Instant when = asOf ? *asOf
                 : latest != Instant::min()
                     ? latest
                     : std::chrono::floor<std::chrono::seconds>(
                           std::chrono::system_clock::now());

  if (o.json) {
    interp::JsonWriter json(std::cout);
    json.beginObject()
        .key("format")
        .value("escrun-status")
        .key("version")
        .value(int64_t(1))
        .key("asOf")
        .value(runtime::isoLocalTime(when))
        .key("rejectedEvents")
        .value(int64_t(rejected))
        .key("eventsAfterAsOf")
        .value(int64_t(later))
        .key("cases")
        .beginArray();
    for (const interp::Case &c : in.cases())
      interp::writeJsonReport(json, in, interp::reportCase(in, c, when));
    json.endArray().endObject();
    std::cout << "\n";
  } else {
    std::cout << "as of " << runtime::longLocalTime(when) << "\n";
    for (const interp::Case &c : in.cases()) {
      std::cout << "\n";
      interp::writeTextReport(std::cout, in, interp::reportCase(in, c, when));
    }
    size_t n = in.cases().size();
    std::cout << "\n" << n << (n == 1 ? " case" : " cases");
    if (rejected)
      std::cout << "; " << rejected
                << (rejected == 1 ? " event was" : " events were")
                << " rejected (see above)";
    if (later)
      std::cout << "; " << later << (later == 1 ? " event is" : " events are")
                << " after the as-of time and left out";
    std::cout << "\n";
  }
  std::cout.flush();
  return rejected ? 1 : 0;
}

int runTimetable(const Options &o) {
  if (o.positional.size() != 1)
    return usageError("timetable needs one table, as in 'escrun timetable "
                      "medway.esct --raised 2026-11-20'");
  if (o.raised.empty())
    return usageError("timetable needs --raised WHEN, such as --raised "
                      "2026-11-20T09:30");
  std::optional<Instant> raised = runtime::parseTimestamp(o.raised);
  if (!raised)
    return usageError("--raised " + o.raised +
                      ": give a date, or a date and time, such as "
                      "2026-11-20 or 2026-11-20T09:30");
  std::string error;
  std::optional<table::Table> t = loadTable(o.positional[0], error);
  if (!t)
    return usageError(error);
  std::optional<runtime::WorkingDayCalendar> cal = calendarOf(*t, o, error);
  if (!cal)
    return usageError(error);
  uint32_t procedure = 0;
  if (!o.procedure.empty()) {
    procedure = t->findProcedure(o.procedure);
    if (procedure == table::None) {
      std::string names;
      for (const table::Procedure &p : t->procedures)
        names += (names.empty() ? "" : ", ") + t->strings[p.name];
      return usageError("the table has no procedure called '" + o.procedure +
                        "'; it has " + names);
    }
  }
  if (t->procedures.empty())
    return usageError("the table holds no procedure");
  const table::Procedure &p = t->procedures[procedure];
  uint32_t from = table::None;
  if (!o.stage.empty()) {
    from = t->findStage(procedure, o.stage);
    if (from == table::None)
      return usageError("procedure '" + t->strings[p.name] +
                        "' has no stage called '" + o.stage + "'");
  }
  interp::Timetable tt =
      interp::worstCaseTimetable(*t, *cal, procedure, *raised, from);
  std::vector<Instant> moments{*raised, tt.overallBy};
  for (const interp::StageTimes &st : tt.stages)
    if (st.reached) {
      moments.push_back(st.enter);
      moments.push_back(st.finish);
    }
  warnIfUncovered(*cal, moments);
  auto day = [](Instant i) {
    return "the end of " + runtime::longDate(runtime::localDay(i));
  };
  auto stageName = [&](uint32_t s) { return t->strings[t->stages[s].name]; };
  // A moment at the very end of a day reads as that day's end.
  auto moment = [&](Instant i) {
    return i == runtime::endOfLocalDay(runtime::localDay(i))
               ? day(i)
               : runtime::longLocalTime(i);
  };
  if (o.json) {
    interp::JsonWriter json(std::cout);
    json.beginObject()
        .key("format")
        .value("escrun-timetable")
        .key("procedure")
        .value(t->strings[p.name])
        .key("raised")
        .value(runtime::isoLocalTime(*raised))
        .key("stages")
        .beginArray();
    for (const interp::StageTimes &st : tt.stages) {
      json.beginObject().key("stage").value(stageName(st.stage));
      json.key("reached").value(st.reached);
      json.key("beginBy");
      if (!st.reached || st.enter == interp::Never)
        json.null();
      else
        json.value(runtime::isoLocalTime(st.enter));
      json.key("finishBy");
      if (!st.reached || st.finish == interp::Never)
        json.null();
      else
        json.value(runtime::isoLocalTime(st.finish));
      if (st.unknownFrom != table::None)
        json.key("noDateBecauseOf").value(stageName(st.unknownFrom));
      json.endObject();
    }
    json.endArray();
    json.key("overallBy");
    if (tt.overallBy == interp::Never)
      json.null();
    else
      json.value(runtime::isoLocalTime(tt.overallBy));
    json.endObject();
    std::cout << "\n";
    return 0;
  }
  std::cout << "procedure " << t->strings[p.name] << " (" << t->strings[p.title]
            << ")\n"
            << (from == table::None ? "raised " : "at `" + o.stage + "` from ")
            << runtime::longLocalTime(*raised)
            << "; the latest dates on the worst route:\n\n";
  size_t width = 5;
  for (const interp::StageTimes &st : tt.stages)
    width = std::max(width, stageName(st.stage).size());
  for (const interp::StageTimes &st : tt.stages) {
    std::string n = stageName(st.stage);
    std::cout << "  " << n << std::string(width - n.size() + 2, ' ');
    if (!st.reached) {
      std::cout << (from == table::None
                        ? "not reached from the start\n"
                        : "not on a route from `" + o.stage + "`\n");
      continue;
    }
    auto why = [&]() {
      const table::Timescale &r = t->stages[st.unknownFrom].respond;
      std::string lacks = r.unit == table::Unit::Words
                              ? "gives its timescale only in words, \"" +
                                    t->strings[r.words] + "\""
                              : std::string("has no timescale");
      if (st.unknownFrom == st.stage)
        return "no date: the stage " + lacks;
      return "no date: `" + stageName(st.unknownFrom) + "` before it " + lacks;
    };
    if (st.enter == interp::Never) {
      const table::Stage &s = t->stages[st.stage];
      std::cout << why();
      if (s.respond.present() && s.respond.unit != table::Unit::Words &&
          s.respond.anchorStage == table::None)
        std::cout << "; then takes up to "
                  << interp::timescaleText(*t, s.respond);
      std::cout << "\n";
      continue;
    }
    std::cout << "begins by " << moment(st.enter) << "; ";
    if (st.finish == interp::Never)
      std::cout << why() << "\n";
    else
      std::cout << "finished by " << moment(st.finish) << "\n";
  }
  if (tt.overallBy != interp::Never)
    std::cout << "\n  the whole escalation to be over by " << day(tt.overallBy)
              << "\n";
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  std::ios::sync_with_stdio(false);
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h" || a == "help") {
      std::cout << Usage;
      return 0;
    }
    if (a == "--version") {
      std::cout << "escrun (Escalade) 0.1.0; reads table format "
                << table::FormatMajor << "." << table::FormatMinor << "\n";
      return 0;
    }
  }
  Options o;
  std::string error;
  if (!parseArgs(argc, argv, o, error))
    return usageError(error);
  if (o.command == "status")
    return runStatus(o);
  if (o.command == "timetable")
    return runTimetable(o);
  if (o.command.empty())
    return usageError("no command given; try 'escrun status TABLE EVENTS'");
  return usageError("there is no command '" + o.command +
                    "'; the commands are status and timetable");
}
