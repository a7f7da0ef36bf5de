// Describe.cpp — the words for tables' parts.
#include "interp/Describe.h"

#include <algorithm>

namespace escalade::interp {

using table::None;

static std::string quoted(const std::string &s) { return "`" + s + "`"; }

static std::string joinAnd(const std::vector<std::string> &parts,
                           const char *last = " and ") {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i)
      out += i + 1 == parts.size() ? last : ", ";
    out += parts[i];
  }
  return out;
}

std::string procedureList(const table::Table &t) {
  std::vector<std::string> names;
  for (const table::Procedure &p : t.procedures)
    names.push_back(quoted(t.strings[p.name]));
  return joinAnd(names);
}

/// Edit distance, for "did you mean".
static size_t distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cur = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}

/// The candidate nearest `name` (two edits at most), or empty. With
/// `prefixDropped`, a candidate that is `name` with a prefix left off
/// (`chair` for `cp_chair`) counts as one edit away.
static std::string closest(std::string_view name,
                           const std::vector<std::string_view> &candidates,
                           bool prefixDropped) {
  name = name.substr(0, 80);
  std::string_view best;
  size_t bestDistance = 3;
  for (std::string_view n : candidates) {
    size_t d = distance(name, n);
    if (prefixDropped && n.size() > name.size() && n.ends_with(name) &&
        n[n.size() - name.size() - 1] == '_')
      d = 1;
    if (d < bestDistance) {
      bestDistance = d;
      best = n;
    }
  }
  return std::string(best);
}

std::string unknownName(const char *kind, std::string_view name,
                        const table::Table &t, uint32_t first, uint32_t count,
                        const std::vector<table::Named> &in,
                        const std::string &procedure) {
  std::string out = "procedure `" + procedure + "` declares no " + kind + " `" +
                    std::string(name.substr(0, 80)) + "`";
  std::vector<std::string> names;
  std::vector<std::string_view> candidates;
  for (uint32_t i = first; i < first + count; ++i) {
    names.push_back(quoted(t.strings[in[i].name]));
    candidates.push_back(t.strings[in[i].name]);
  }
  std::string best = closest(name, candidates, false);
  if (!best.empty())
    out += "; did you mean `" + best + "`?";
  if (names.empty())
    out += std::string("; it declares no ") + kind + "s at all";
  else if (names.size() <= 8)
    out += std::string(best.empty() ? "; " : " ") + "Its " + kind + "s are " +
           joinAnd(names);
  return out;
}

std::string unknownParty(const table::Table &t, const table::Procedure &p,
                         std::string_view name) {
  std::string out = "procedure `" + t.strings[p.name] +
                    "` names no role or contact `" +
                    std::string(name.substr(0, 80)) + "`";
  std::vector<std::string_view> candidates;
  for (uint32_t i = p.firstParty; i < p.firstParty + p.partyCount; ++i)
    candidates.push_back(t.strings[t.parties[i].name]);
  std::string best = closest(name, candidates, true);
  if (!best.empty())
    out += "; did you mean `" + best + "`?";
  return out;
}

std::string routeTargetName(const table::Table &t, const table::Route &r) {
  switch (r.kind) {
  case table::TargetKind::Stage:
    return t.strings[t.stages[r.target].name];
  case table::TargetKind::Outcome:
    return t.strings[t.outcomes[r.target].name];
  case table::TargetKind::Process:
    return t.strings[t.processes[r.target].name];
  case table::TargetKind::Procedure:
    return t.strings[t.procedures[r.target].name];
  case table::TargetKind::OtherStage:
    return t.strings[t.procedures[r.target].name] + "." +
           t.strings[t.stages[r.targetStage].name];
  }
  return "?";
}

std::string conditionText(const table::Table &t, const table::Condition &c) {
  if (c.length == 0)
    return "always";
  // Rebuild the expression from postfix; brackets around inner and/or.
  struct Part {
    std::string text;
    bool compound = false;
  };
  std::vector<Part> stack;
  for (uint32_t i = c.first; i < c.first + c.length; ++i) {
    const table::CondInstr &in = t.code[i];
    switch (in.op) {
    case table::CondOp::Fact:
      stack.push_back({quoted(t.strings[t.facts[in.arg].name]), false});
      break;
    case table::CondOp::Not: {
      Part &p = stack.back();
      p.text = "not " + (p.compound ? "(" + p.text + ")" : p.text);
      p.compound = false;
      break;
    }
    case table::CondOp::And:
    case table::CondOp::Or: {
      std::vector<std::string> parts;
      for (size_t k = stack.size() - in.arg; k < stack.size(); ++k)
        parts.push_back(stack[k].compound ? "(" + stack[k].text + ")"
                                          : stack[k].text);
      stack.resize(stack.size() - in.arg);
      std::string sep = in.op == table::CondOp::And ? " and " : " or ";
      std::string text;
      for (size_t k = 0; k < parts.size(); ++k)
        text += (k ? sep : "") + parts[k];
      stack.push_back({text, true});
      break;
    }
    }
  }
  return "when " + (stack.empty() ? std::string("?") : stack.back().text);
}

std::string routeList(const table::Table &t, const table::Stage &s,
                      table::Trigger trigger) {
  std::vector<std::string> parts;
  for (uint32_t i = s.firstRoute; i < s.firstRoute + s.routeCount; ++i) {
    const table::Route &r = t.routes[i];
    if (r.trigger != trigger)
      continue;
    std::string part = quoted(routeTargetName(t, r));
    if (r.guard.length)
      part += " (" + conditionText(t, r.guard) + ")";
    parts.push_back(part);
  }
  return joinAnd(parts, ", or ");
}

std::string recipientsText(const table::Table &t, uint32_t first,
                           uint32_t count, table::Connective connective) {
  std::vector<std::string> parts;
  for (uint32_t i = first; i < first + count; ++i) {
    const table::Recipient &r = t.recipients[i];
    if (r.party == None) {
      parts.push_back("all parties");
      continue;
    }
    const table::Party &p = t.parties[r.party];
    parts.push_back((r.equivalent ? "the equivalent " : "") +
                    t.strings[p.title] + " (" + quoted(t.strings[p.name]) +
                    ")");
  }
  return joinAnd(parts,
                 connective == table::Connective::AnyOf ? " or " : " and ");
}

std::string itemText(const table::Table &t, const table::Stage &s,
                     uint32_t item) {
  if (item < s.notificationCount) {
    const table::Notification &n = t.notifications[s.firstNotification + item];
    std::string out =
        (n.copy ? "copy to " : "inform ") +
        recipientsText(t, n.firstRecipient, n.recipientCount, n.connective);
    if (n.what != None)
      out += ": " + t.strings[n.what];
    return out;
  }
  item -= s.notificationCount;
  if (item < s.recordCount) {
    const table::RecordItem &r = t.recordItems[s.firstRecord + item];
    std::string out = "keep a record";
    if (r.record != None)
      out += " in " + t.strings[t.records[r.record].title] + " (" +
             quoted(t.strings[t.records[r.record].name]) + ")";
    if (r.what != None)
      out += ": " + t.strings[r.what];
    return out;
  }
  item -= s.recordCount;
  const table::FormItem &f = t.formItems[s.firstForm + item];
  std::string form = t.strings[t.forms[f.form].title] + " (" +
                     quoted(t.strings[t.forms[f.form].name]) + ")";
  std::string out = f.send ? "send " + form + " to " +
                                 recipientsText(t, f.firstRecipient,
                                                f.recipientCount, f.connective)
                           : "complete " + form;
  if (f.note != None)
    out += ": " + t.strings[f.note];
  return out;
}

std::string itemCondition(const table::Table &t, const table::Stage &s,
                          uint32_t item) {
  if (item < s.notificationCount) {
    const table::Notification &n = t.notifications[s.firstNotification + item];
    if (n.condition.length)
      return conditionText(t, n.condition);
  }
  return {};
}

std::string timescaleText(const table::Table &t, const table::Timescale &ts) {
  auto amount = [](uint32_t n, const char *one, const char *many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  switch (ts.unit) {
  case table::Unit::None:
    return "no timescale";
  case table::Unit::WorkingDays:
    return amount(ts.count, "working day", "working days");
  case table::Unit::CalendarDays:
    return amount(ts.count, "calendar day", "calendar days");
  case table::Unit::Hours:
    return amount(ts.count, "hour", "hours");
  case table::Unit::SameDay:
    return "the same day";
  case table::Unit::Words:
    return "\"" + (ts.words == None ? std::string() : t.strings[ts.words]) +
           "\"";
  }
  return "";
}

} // namespace escalade::interp
