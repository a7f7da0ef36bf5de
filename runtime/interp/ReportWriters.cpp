// ReportWriters.cpp — a case report as text and as JSON.
#include "interp/ReportWriters.h"

#include "calendar/DateFormat.h"
#include "interp/Describe.h"
#include "interp/JsonWriter.h"

namespace escalade::interp {

using runtime::Instant;

namespace {

std::string stageLabel(const table::Table &t, uint32_t stage) {
  return "`" + t.strings[t.stages[stage].name] + "` (" +
         t.strings[t.stages[stage].title] + ")";
}

std::string stageName(const table::Table &t, uint32_t stage) {
  return "`" + t.strings[t.stages[stage].name] + "`";
}

/// "the end of Monday 30 November 2026" for a deadline at a day's end;
/// the time too for one in hours.
std::string dueText(const table::Timescale *ts, Instant due) {
  if (ts && ts->unit == table::Unit::Hours)
    return runtime::longLocalTime(due);
  return "the end of " + runtime::longDate(runtime::localDay(due));
}

std::string deadlineText(const table::Table &t, const Deadline &d) {
  std::string by = dueText(d.timescale, d.due);
  std::string span = d.timescale ? timescaleText(t, *d.timescale) : "";
  switch (d.kind) {
  case DeadlineKind::Respond:
    return stageName(t, d.stage) + " to be finished by " + by + " (" + span +
           ")";
  case DeadlineKind::Begin:
    return stageName(t, d.stage) + " to begin by " + by + " (" + span + ")";
  case DeadlineKind::Next:
    return "if unresolved, " + stageName(t, d.stage) + " to begin by " + by +
           " (" + span + ")";
  case DeadlineKind::Overall:
    return "the whole escalation to be over by " + by + " (" + span + ")";
  }
  return by;
}

std::string lateText(int64_t days) {
  if (days == 0)
    return "less than a working day late";
  return std::to_string(days) + " working day" + (days == 1 ? "" : "s") +
         " late";
}

std::string closureText(const table::Table &t, const Case &c) {
  switch (c.closure) {
  case Closure::Open:
    return "";
  case Closure::Outcome:
    return "outcome `" + t.strings[t.outcomes[c.target].name] + "` (" +
           t.strings[t.outcomes[c.target].title] + ")";
  case Closure::Resolved:
    return "resolved (the procedure names no outcome for it)";
  case Closure::Process:
    return "handed to `" + t.strings[t.processes[c.target].name] + "` (" +
           t.strings[t.processes[c.target].title] + ")";
  }
  return "";
}

const char *kindName(DeadlineKind k) {
  switch (k) {
  case DeadlineKind::Respond:
    return "finish";
  case DeadlineKind::Begin:
    return "begin";
  case DeadlineKind::Next:
    return "next";
  case DeadlineKind::Overall:
    return "overall";
  }
  return "?";
}

} // namespace

void writeTextReport(std::ostream &out, const Interpreter &in,
                     const CaseReport &r) {
  const table::Table &t = in.table();
  const Case &c = *r.c;
  const table::Procedure &p = t.procedures[c.procedure];
  const char *pad = "            ";
  out << "case " << c.ref << ": " << t.strings[p.name] << " ("
      << t.strings[p.title] << ")\n";
  for (uint32_t from : c.handedFrom)
    out << "  from      procedure `" << t.strings[from]
        << "`, which handed the case on\n";
  out << "  raised    " << runtime::longLocalTime(c.raised) << "\n";
  if (c.open()) {
    const Visit &v = c.current();
    out << "  stage     " << stageLabel(t, v.stage) << "\n"
        << pad << "since " << runtime::longLocalTime(v.entered) << "\n";
  } else {
    out << "  closed    " << runtime::longLocalTime(c.closed) << ": "
        << closureText(t, c) << "\n";
    out << "  last at   " << stageLabel(t, c.current().stage) << "\n";
  }
  auto list = [&](const char *label, const std::vector<std::string> &lines) {
    for (size_t i = 0; i < lines.size(); ++i)
      out << (i ? std::string(pad) : "  " + std::string(label)) << lines[i]
          << "\n";
  };
  std::vector<std::string> lines;
  for (const Deadline &d : r.due)
    lines.push_back(deadlineText(t, d));
  list("due       ", lines);
  lines.clear();
  for (const Outstanding &o : r.outstanding)
    lines.push_back(o.text +
                    (o.condition.empty() ? "" : " (" + o.condition + ")"));
  list("to do     ", lines);
  lines.clear();
  for (const Outstanding &o : r.missed)
    lines.push_back("at " + stageName(t, o.stage) + ": " + o.text +
                    (o.condition.empty() ? "" : " (" + o.condition + ")"));
  list("missed    ", lines);
  lines.clear();
  for (const Deadline &d : r.breaches)
    lines.push_back(deadlineText(t, d) + ": " +
                    (d.met == Never
                         ? "not done as of " + runtime::longLocalTime(r.asOf) +
                               ", " + lateText(d.workingDaysLate)
                         : "done " + runtime::longLocalTime(d.met) + ", " +
                               lateText(d.workingDaysLate)));
  list("OVERDUE   ", lines);
  if (r.due.empty() && r.outstanding.empty() && r.breaches.empty() &&
      r.missed.empty() && c.open())
    out << "  nothing is due: the procedure sets no date for this stage\n";
}

void writeJsonReport(JsonWriter &json, const Interpreter &in,
                     const CaseReport &r) {
  const table::Table &t = in.table();
  const Case &c = *r.c;
  auto deadline = [&](const Deadline &d) {
    json.beginObject()
        .key("kind")
        .value(kindName(d.kind))
        .key("stage")
        .value(t.strings[t.stages[d.stage].name])
        .key("timescale")
        .value(d.timescale ? timescaleText(t, *d.timescale) : "")
        .key("due")
        .value(runtime::isoLocalTime(d.due));
    json.key("done");
    if (d.met == Never)
      json.null();
    else
      json.value(runtime::isoLocalTime(d.met));
    if (d.breached)
      json.key("workingDaysLate").value(d.workingDaysLate);
    json.endObject();
  };
  auto items = [&](const std::vector<Outstanding> &list) {
    json.beginArray();
    for (const Outstanding &o : list) {
      json.beginObject()
          .key("stage")
          .value(t.strings[t.stages[o.stage].name])
          .key("what")
          .value(o.text);
      if (!o.condition.empty())
        json.key("condition").value(o.condition);
      json.endObject();
    }
    json.endArray();
  };
  json.beginObject()
      .key("case")
      .value(c.ref)
      .key("procedure")
      .value(t.strings[t.procedures[c.procedure].name])
      .key("raised")
      .value(runtime::isoLocalTime(c.raised))
      .key("open")
      .value(c.open())
      .key("stage")
      .value(t.strings[t.stages[c.current().stage].name])
      .key("stageEntered")
      .value(runtime::isoLocalTime(c.current().entered));
  json.key("handedFrom").beginArray();
  for (uint32_t from : c.handedFrom)
    json.value(t.strings[from]);
  json.endArray();
  json.key("history").beginArray();
  for (const Visit &v : c.visits) {
    json.beginObject()
        .key("stage")
        .value(t.strings[t.stages[v.stage].name])
        .key("entered")
        .value(runtime::isoLocalTime(v.entered))
        .key("left");
    if (v.left == Never)
      json.null();
    else
      json.value(runtime::isoLocalTime(v.left));
    json.endObject();
  }
  json.endArray();
  json.key("due").beginArray();
  for (const Deadline &d : r.due)
    deadline(d);
  json.endArray();
  json.key("outstanding");
  items(r.outstanding);
  json.key("missed");
  items(r.missed);
  json.key("breaches").beginArray();
  for (const Deadline &d : r.breaches)
    deadline(d);
  json.endArray();
  json.key("closed");
  if (c.open()) {
    json.null();
  } else {
    json.beginObject()
        .key("at")
        .value(runtime::isoLocalTime(c.closed))
        .key("how")
        .value(closureText(t, c))
        .endObject();
  }
  json.endObject();
}

} // namespace escalade::interp
