// Interpreter.cpp — applying events to cases: checks first, then changes,
// so a rejected event changes nothing.
#include "interp/Interpreter.h"

#include "interp/Describe.h"

#include <algorithm>

namespace escalade::interp {

using runtime::Instant;
using table::None;

Interpreter::Interpreter(const table::Table &table,
                         const runtime::WorkingDayCalendar &calendar)
    : T(table), Cal(calendar) {}

bool Interpreter::fact(const Case &c, uint32_t fact) const {
  uint32_t i = fact - T.procedures[c.procedure].firstFact;
  return (c.facts[i / 64] >> (i % 64)) & 1;
}

bool Interpreter::holds(const Case &c, const table::Condition &cond) const {
  if (cond.length == 0)
    return true;
  // Conditions are validated when the table is read: the stack never
  // underflows and ends with one value. It is never deeper than the
  // condition is long.
  if (Stack.size() < cond.length)
    Stack.resize(cond.length);
  uint8_t *stack = Stack.data();
  size_t top = 0;
  for (uint32_t i = cond.first; i < cond.first + cond.length; ++i) {
    const table::CondInstr &in = T.code[i];
    switch (in.op) {
    case table::CondOp::Fact:
      stack[top++] = fact(c, in.arg);
      break;
    case table::CondOp::Not:
      stack[top - 1] = !stack[top - 1];
      break;
    case table::CondOp::And:
    case table::CondOp::Or: {
      bool isAnd = in.op == table::CondOp::And;
      bool v = isAnd;
      for (uint32_t k = 0; k < in.arg; ++k)
        v = isAnd ? (v && stack[top - 1 - k]) : (v || stack[top - 1 - k]);
      top -= in.arg;
      stack[top++] = v;
      break;
    }
    }
  }
  return top == 1 && stack[0];
}

StageItems Interpreter::items(uint32_t stage) const {
  const table::Stage &s = T.stages[stage];
  return {s.notificationCount, s.recordCount, s.formCount};
}

bool Interpreter::itemDone(const Case &c, const Visit &v, uint32_t item) const {
  return (c.done[v.doneOffset + item / 64] >> (item % 64)) & 1;
}

bool Interpreter::itemApplies(const Case &c, uint32_t stage,
                              uint32_t item) const {
  const table::Stage &s = T.stages[stage];
  if (item < s.notificationCount)
    return holds(c, T.notifications[s.firstNotification + item].condition);
  return true;
}

Instant deadlineFor(Instant from, const table::Timescale &t,
                    const runtime::WorkingDayCalendar &calendar) {
  using runtime::DeadlineUnit;
  switch (t.unit) {
  case table::Unit::None:
  case table::Unit::Words:
    return Never;
  case table::Unit::WorkingDays:
    return runtime::deadlineAfter(from, DeadlineUnit::WorkingDays, t.count,
                                  calendar);
  case table::Unit::CalendarDays:
    return runtime::deadlineAfter(from, DeadlineUnit::CalendarDays, t.count,
                                  calendar);
  case table::Unit::Hours:
    return runtime::deadlineAfter(from, DeadlineUnit::Hours, t.count, calendar);
  case table::Unit::SameDay:
    return runtime::deadlineAfter(from, DeadlineUnit::SameDay, 0, calendar);
  }
  return Never;
}

/// The latest stay at `stage`, or null.
static const Visit *lastVisit(const Case &c, uint32_t stage) {
  for (auto it = c.visits.rbegin(); it != c.visits.rend(); ++it)
    if (it->stage == stage)
      return &*it;
  return nullptr;
}

Instant Interpreter::beginDue(const Case &c, uint32_t stage) const {
  const table::Timescale &t = T.stages[stage].begin;
  if (!t.present())
    return Never;
  // A stage ends when the case leaves it, and at the latest by its own
  // deadline: a late escalation does not move the end of the stage before.
  auto end = [](const Visit &v) {
    if (v.left == Never)
      return v.respondBy;
    return v.respondBy == Never ? v.left : std::min(v.left, v.respondBy);
  };
  if (t.anchorStage != None) {
    const Visit *v = lastVisit(c, t.anchorStage);
    if (!v)
      return Never; // the bound applies only on routes through its stage
    Instant from =
        t.anchorPoint == table::AnchorPoint::Start ? v->entered : end(*v);
    return from == Never ? Never : due(from, t);
  }
  if (c.visits.empty())
    return due(c.raised, t);
  // From the end of the stage before; one with no deadline gives none.
  const Visit &prev = c.visits.back();
  if (prev.respondBy == Never)
    return Never;
  return due(end(prev), t);
}

uint32_t Interpreter::lookup(std::string_view name, uint32_t first,
                             uint32_t count,
                             const std::vector<table::Named> &in) const {
  for (uint32_t i = first; i < first + count; ++i)
    if (T.strings[in[i].name] == name)
      return i;
  return None;
}

uint32_t Interpreter::partyByName(uint32_t procedure,
                                  std::string_view name) const {
  const table::Procedure &p = T.procedures[procedure];
  for (uint32_t i = p.firstParty; i < p.firstParty + p.partyCount; ++i)
    if (T.strings[T.parties[i].name] == name)
      return i;
  return None;
}

std::string Interpreter::stageName(uint32_t stage) const {
  return "`" + T.strings[T.stages[stage].name] + "`";
}

void Interpreter::enter(Case &c, uint32_t stage, Instant at) {
  Visit v;
  v.stage = stage;
  v.entered = at;
  v.beginBy = beginDue(c, stage);
  const table::Timescale &r = T.stages[stage].respond;
  if (r.anchorStage != None) {
    const Visit *a =
        r.anchorStage == stage ? nullptr : lastVisit(c, r.anchorStage);
    Instant from = !a                                           ? at
                   : r.anchorPoint == table::AnchorPoint::Start ? a->entered
                                                                : a->left;
    v.respondBy = from == Never ? Never : due(from, r);
  } else {
    v.respondBy = due(at, r);
  }
  v.doneOffset = static_cast<uint32_t>(c.done.size());
  c.done.resize(c.done.size() + (items(stage).size() + 63) / 64, 0);
  c.visits.push_back(v);
}

void Interpreter::leave(Case &c, Instant at) {
  Visit &v = c.visits.back();
  v.left = at;
  uint32_t n = items(v.stage).size();
  for (uint32_t i = 0; i < n; ++i)
    if (!itemDone(c, v, i) && itemApplies(c, v.stage, i))
      c.missed.push_back({uint32_t(c.visits.size() - 1), i});
}

bool Interpreter::raise(const Event &e, std::string &error) {
  if (auto it = ByRef.find(e.caseRef); it != ByRef.end()) {
    error = "this case was already raised, on line " +
            std::to_string(Cases[it->second].firstLine);
    return false;
  }
  uint32_t procedure = 0;
  if (T.procedures.empty()) {
    error = "the table holds no procedure";
    return false;
  }
  if (!e.procedure.empty()) {
    procedure = T.findProcedure(e.procedure);
    if (procedure == None) {
      error = "the table has no procedure called `" + std::string(e.procedure) +
              "`; it has " + procedureList(T);
      return false;
    }
  }
  const table::Procedure &p = T.procedures[procedure];
  if (p.start == None) {
    error = "procedure `" + T.strings[p.name] + "` has no stages to start at";
    return false;
  }
  uint32_t start = p.start;
  if (!e.stage.empty()) {
    start = T.findStage(procedure, e.stage);
    if (start == None) {
      error = "procedure `" + T.strings[p.name] + "` has no stage called `" +
              std::string(e.stage) + "`";
      return false;
    }
    if (start != p.start && !p.skippable) {
      error = "escalations under `" + T.strings[p.name] + "` start at " +
              stageName(p.start) +
              ", and the procedure does not let stages be skipped";
      return false;
    }
  }
  Case c;
  c.ref = std::string(e.caseRef);
  c.procedure = procedure;
  c.raised = c.last = e.at;
  c.firstLine = e.line;
  c.facts.assign((p.factCount + 63) / 64, 0);
  for (std::string_view f : e.facts) {
    uint32_t i = lookup(f, p.firstFact, p.factCount, T.facts);
    if (i == None) {
      error = unknownName("fact", f, T, p.firstFact, p.factCount, T.facts,
                          T.strings[p.name]);
      return false;
    }
    i -= p.firstFact;
    c.facts[i / 64] |= uint64_t(1) << (i % 64);
  }
  c.overallBy = due(e.at, p.overall);
  if (!requirementsMet(c, start, error))
    return false;
  enter(c, start, e.at);
  ByRef.emplace(c.ref, static_cast<uint32_t>(Cases.size()));
  Cases.push_back(std::move(c));
  return true;
}

bool Interpreter::requirementsMet(const Case &c, uint32_t stage,
                                  std::string &error) const {
  const table::Stage &s = T.stages[stage];
  for (uint32_t i = s.firstRequired; i < s.firstRequired + s.requiredCount;
       ++i) {
    uint32_t r = T.required[i];
    if (!lastVisit(c, r)) {
      error = stageName(stage) + " may only be reached after " + stageName(r) +
              ", and this case has not been through it";
      return false;
    }
  }
  return true;
}

bool Interpreter::move(Case &c, const Event &e, uint32_t stage,
                       std::string &error) {
  if (!requirementsMet(c, stage, error))
    return false;
  leave(c, e.at);
  enter(c, stage, e.at);
  return true;
}

bool Interpreter::handOver(Case &c, const Event &e, const table::Route &r,
                           std::string &error) {
  const table::Procedure &to = T.procedures[r.target];
  uint32_t stage =
      r.kind == table::TargetKind::OtherStage ? r.targetStage : to.start;
  if (stage == None) {
    error = "procedure `" + T.strings[to.name] + "` has no stages to go on at";
    return false;
  }
  // Facts the two procedures both declare (by name) carry over.
  const table::Procedure &from = T.procedures[c.procedure];
  std::vector<uint64_t> facts((to.factCount + 63) / 64, 0);
  for (uint32_t i = 0; i < to.factCount; ++i) {
    uint32_t old = lookup(T.strings[T.facts[to.firstFact + i].name],
                          from.firstFact, from.factCount, T.facts);
    if (old != None && fact(c, old))
      facts[i / 64] |= uint64_t(1) << (i % 64);
  }
  Case next = c;
  next.procedure = r.target;
  next.facts = std::move(facts);
  if (!requirementsMet(next, stage, error))
    return false;
  leave(c, e.at);
  c.procedure = r.target;
  c.facts = std::move(next.facts);
  c.handedFrom.push_back(from.name);
  c.overallBy = due(e.at, to.overall);
  enter(c, stage, e.at);
  return true;
}

bool Interpreter::follow(Case &c, const Event &e, table::Trigger trigger,
                         std::string_view wanted, std::string &error) {
  const Visit &v = c.current();
  const table::Stage &s = T.stages[v.stage];
  const table::Procedure &p = T.procedures[c.procedure];
  auto triggers = [&](const table::Route &r) {
    if (r.trigger == trigger)
      return true;
    // An overdue route may be taken once the stage is past its deadline.
    return trigger == table::Trigger::Unresolved &&
           r.trigger == table::Trigger::Overdue && v.respondBy != Never &&
           e.at > v.respondBy;
  };
  const table::Route *chosen = nullptr;
  const table::Route *blocked = nullptr;
  for (uint32_t i = s.firstRoute; i < s.firstRoute + s.routeCount; ++i) {
    const table::Route &r = T.routes[i];
    if (!triggers(r))
      continue;
    if (!wanted.empty() && routeTargetName(T, r) != wanted)
      continue;
    if (!holds(c, r.guard)) {
      if (!blocked)
        blocked = &r;
      continue;
    }
    chosen = &r;
    break;
  }
  if (!chosen && !blocked && trigger == table::Trigger::Unresolved &&
      !wanted.empty()) {
    // `stages may be skipped`: any later stage of the procedure, unless a
    // route to it says when it may be taken.
    // Skipping is moving on: the case must be one that moves on from
    // here at all, by some route whose condition holds.
    uint32_t to = T.findStage(c.procedure, wanted);
    if (to != None && p.skippable && to > v.stage) {
      bool movesOn = false;
      for (uint32_t i = s.firstRoute; i < s.firstRoute + s.routeCount; ++i)
        movesOn |= T.routes[i].trigger == table::Trigger::Unresolved &&
                   holds(c, T.routes[i].guard);
      if (movesOn)
        return move(c, e, to, error);
      error = "an unresolved case moves on from " + stageName(v.stage) +
              " only to " + routeList(T, s, table::Trigger::Unresolved) +
              ", and none of those applies to this case, so it cannot skip "
              "ahead either";
      return false;
    }
  }
  if (!chosen) {
    const char *what = trigger == table::Trigger::Urgent     ? "urgent"
                       : trigger == table::Trigger::Resolved ? "resolved"
                                                             : "unresolved";
    if (blocked) {
      error = "the route from " + stageName(v.stage) + " to `" +
              routeTargetName(T, *blocked) + "` applies only " +
              conditionText(T, blocked->guard) +
              ", which is not so for this case";
      return false;
    }
    if (trigger == table::Trigger::Resolved && wanted.empty()) {
      leave(c, e.at);
      c.closure = Closure::Resolved;
      c.closed = e.at;
      return true;
    }
    std::string onward = routeList(T, s, trigger);
    error = !wanted.empty()
                ? "the procedure has no " + std::string(what) + " route from " +
                      stageName(v.stage) + " to `" + std::string(wanted) + "`" +
                      (onward.empty() ? "" : "; it goes to " + onward)
            : trigger == table::Trigger::Urgent
                ? stageName(v.stage) +
                      " has no route for urgent cases: the procedure does "
                      "not say where an urgent case goes from here"
                : stageName(v.stage) + " has no route onward for an " +
                      std::string(what) + " case";
    return false;
  }
  switch (chosen->kind) {
  case table::TargetKind::Stage:
    return move(c, e, chosen->target, error);
  case table::TargetKind::Outcome:
    leave(c, e.at);
    c.closure = Closure::Outcome;
    break;
  case table::TargetKind::Process:
    leave(c, e.at);
    c.closure = Closure::Process;
    break;
  case table::TargetKind::Procedure:
  case table::TargetKind::OtherStage:
    return handOver(c, e, *chosen, error);
  }
  c.target = chosen->target;
  c.targetStage = chosen->targetStage;
  c.closed = e.at;
  return true;
}

bool Interpreter::markDone(Case &c, const Event &e, std::string &error) {
  const table::Procedure &p = T.procedures[c.procedure];
  Visit &v = c.visits.back();
  const table::Stage &s = T.stages[v.stage];
  auto mark = [&](uint32_t item) {
    c.done[v.doneOffset + item / 64] |= uint64_t(1) << (item % 64);
  };
  // `all parties` is marked only by "all" (AllParties), not by telling
  // one of them.
  auto names = [&](uint32_t first, uint32_t count, uint32_t party) {
    for (uint32_t k = first; k < first + count; ++k)
      if (T.recipients[k].party == party)
        return true;
    return false;
  };
  switch (e.kind) {
  case EventKind::Informed: {
    uint32_t party = e.recipient == AllParties
                         ? None
                         : partyByName(c.procedure, e.recipient);
    if (party == None && e.recipient != AllParties) {
      error = unknownParty(T, p, e.recipient);
      return false;
    }
    for (uint32_t i = 0; i < s.notificationCount; ++i) {
      const table::Notification &n = T.notifications[s.firstNotification + i];
      if (names(n.firstRecipient, n.recipientCount, party))
        mark(i);
    }
    return true;
  }
  case EventKind::Recorded: {
    uint32_t record = None;
    if (!e.record.empty()) {
      record = lookup(e.record, p.firstRecord, p.recordCount, T.records);
      if (record == None) {
        error = unknownName("record", e.record, T, p.firstRecord, p.recordCount,
                            T.records, T.strings[p.name]);
        return false;
      }
    }
    for (uint32_t i = 0; i < s.recordCount; ++i)
      if (T.recordItems[s.firstRecord + i].record == record)
        mark(s.notificationCount + i);
    return true;
  }
  case EventKind::FormSent: {
    uint32_t form = lookup(e.form, p.firstForm, p.formCount, T.forms);
    if (form == None) {
      error = unknownName("form", e.form, T, p.firstForm, p.formCount, T.forms,
                          T.strings[p.name]);
      return false;
    }
    uint32_t to = None;
    if (!e.to.empty()) {
      to = partyByName(c.procedure, e.to);
      if (to == None) {
        error = unknownParty(T, p, e.to);
        return false;
      }
    }
    for (uint32_t i = 0; i < s.formCount; ++i) {
      const table::FormItem &f = T.formItems[s.firstForm + i];
      if (f.form != form)
        continue;
      if (!f.send || to == None ||
          names(f.firstRecipient, f.recipientCount, to))
        mark(s.notificationCount + s.recordCount + i);
    }
    return true;
  }
  default:
    return true;
  }
}

bool Interpreter::apply(const Event &e, std::string &error) {
  if (e.kind == EventKind::Raised)
    return raise(e, error);
  auto it = ByRef.find(e.caseRef);
  if (it == ByRef.end()) {
    error = "this case has not been raised: its first event must be "
            "\"raised\"";
    return false;
  }
  Case &c = Cases[it->second];
  if (e.at < c.last) {
    error =
        "time goes backwards: this event is at " + runtime::isoLocalTime(e.at) +
        ", before the case's last event, at " + runtime::isoLocalTime(c.last);
    return false;
  }
  if (!c.open()) {
    error = "the case was closed at " + runtime::isoLocalTime(c.closed) +
            "; nothing more can happen to it";
    return false;
  }
  const table::Procedure &p = T.procedures[c.procedure];
  bool ok = true;
  switch (e.kind) {
  case EventKind::Raised:
    break;
  case EventKind::Escalated:
    ok = follow(c, e, table::Trigger::Unresolved, e.stage, error);
    break;
  case EventKind::Resolved:
    ok = follow(c, e, table::Trigger::Resolved, e.outcome, error);
    break;
  case EventKind::Urgent:
    ok = follow(c, e, table::Trigger::Urgent, {}, error);
    break;
  case EventKind::FactSet:
  case EventKind::FactCleared: {
    uint32_t i = lookup(e.fact, p.firstFact, p.factCount, T.facts);
    if (i == None) {
      error = unknownName("fact", e.fact, T, p.firstFact, p.factCount, T.facts,
                          T.strings[p.name]);
      return false;
    }
    i -= p.firstFact;
    uint64_t bit = uint64_t(1) << (i % 64);
    if (e.kind == EventKind::FactSet)
      c.facts[i / 64] |= bit;
    else
      c.facts[i / 64] &= ~bit;
    break;
  }
  case EventKind::Informed:
  case EventKind::Recorded:
  case EventKind::FormSent:
    ok = markDone(c, e, error);
    break;
  }
  if (ok)
    c.last = e.at;
  return ok;
}

} // namespace escalade::interp
