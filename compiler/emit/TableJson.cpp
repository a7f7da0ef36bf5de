// TableJson.cpp — table::Table to llvm::json, field by field.
#include "emit/TableJson.h"

#include "table/TableFormat.h"

namespace escalade::emit {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

/// None is written as null.
Value idx(uint32_t i) {
  return i == table::None ? Value(nullptr) : Value(int64_t(i));
}

const char *unitName(table::Unit u) {
  switch (u) {
  case table::Unit::None:
    return "none";
  case table::Unit::WorkingDays:
    return "working-days";
  case table::Unit::CalendarDays:
    return "calendar-days";
  case table::Unit::Hours:
    return "hours";
  case table::Unit::SameDay:
    return "same-day";
  case table::Unit::Words:
    return "words";
  }
  return "none";
}

Value timescale(const table::Timescale &t) {
  if (!t.present())
    return nullptr;
  Object o{{"unit", unitName(t.unit)},
           {"count", int64_t(t.count)},
           {"words", idx(t.words)}};
  if (t.targetUnit != table::Unit::None)
    o["target"] = Object{{"unit", unitName(t.targetUnit)},
                         {"count", int64_t(t.targetCount)},
                         {"words", idx(t.targetWords)}};
  if (t.anchorStage != table::None)
    o["anchor"] =
        Object{{"stage", int64_t(t.anchorStage)},
               {"point",
                t.anchorPoint == table::AnchorPoint::Start ? "start" : "end"}};
  return o;
}

Value condition(const table::Condition &c) {
  return Object{{"first", int64_t(c.first)}, {"length", int64_t(c.length)}};
}

const char *connectiveName(table::Connective c) {
  switch (c) {
  case table::Connective::Single:
    return "single";
  case table::Connective::AnyOf:
    return "any-of";
  case table::Connective::AllOf:
    return "all-of";
  }
  return "single";
}

Value range(uint32_t first, uint32_t count) {
  return Array{int64_t(first), int64_t(count)};
}

Array named(const std::vector<table::Named> &v) {
  Array a;
  for (const table::Named &n : v)
    a.push_back(Object{{"name", int64_t(n.name)}, {"title", int64_t(n.title)}});
  return a;
}

} // namespace

Value tableToJson(const table::Table &t) {
  Array strings;
  for (const std::string &s : t.strings)
    strings.push_back(s);
  Array holidays;
  for (int32_t d : t.calendar.holidays)
    holidays.push_back(int64_t(d));

  Array procedures;
  for (const table::Procedure &p : t.procedures)
    procedures.push_back(
        Object{{"name", int64_t(p.name)},
               {"title", int64_t(p.title)},
               {"version", idx(p.version)},
               {"start", idx(p.start)},
               {"skippable", p.skippable},
               {"overall", timescale(p.overall)},
               {"stages", range(p.firstStage, p.stageCount)},
               {"facts", range(p.firstFact, p.factCount)},
               {"parties", range(p.firstParty, p.partyCount)},
               {"records", range(p.firstRecord, p.recordCount)},
               {"forms", range(p.firstForm, p.formCount)},
               {"outcomes", range(p.firstOutcome, p.outcomeCount)},
               {"processes", range(p.firstProcess, p.processCount)}});

  Array stages;
  for (const table::Stage &s : t.stages)
    stages.push_back(Object{
        {"name", int64_t(s.name)},
        {"title", int64_t(s.title)},
        {"number", int64_t(s.number)},
        {"final", s.final},
        {"respond", timescale(s.respond)},
        {"begin", timescale(s.begin)},
        {"routes", range(s.firstRoute, s.routeCount)},
        {"notifications", range(s.firstNotification, s.notificationCount)},
        {"recordItems", range(s.firstRecord, s.recordCount)},
        {"formItems", range(s.firstForm, s.formCount)},
        {"owners", range(s.firstOwner, s.ownerCount)},
        {"required", range(s.firstRequired, s.requiredCount)}});

  static const char *const Triggers[] = {"resolved", "unresolved", "urgent",
                                         "overdue"};
  static const char *const Kinds[] = {"stage", "outcome", "process",
                                      "procedure", "other-stage"};
  Array routes;
  for (const table::Route &r : t.routes)
    routes.push_back(Object{{"trigger", Triggers[unsigned(r.trigger)]},
                            {"guard", condition(r.guard)},
                            {"kind", Kinds[unsigned(r.kind)]},
                            {"target", int64_t(r.target)},
                            {"targetStage", idx(r.targetStage)}});

  static const char *const Ops[] = {"fact", "not", "and", "or"};
  Array code;
  for (const table::CondInstr &c : t.code)
    code.push_back(
        Object{{"op", Ops[unsigned(c.op)]}, {"arg", int64_t(c.arg)}});

  static const char *const PartyKinds[] = {"role", "contact", "agency"};
  Array parties;
  for (const table::Party &p : t.parties)
    parties.push_back(Object{{"kind", PartyKinds[unsigned(p.kind)]},
                             {"name", int64_t(p.name)},
                             {"title", int64_t(p.title)}});
  Array recipients;
  for (const table::Recipient &r : t.recipients)
    recipients.push_back(
        Object{{"party", idx(r.party)}, {"equivalent", r.equivalent}});
  Array notifications;
  for (const table::Notification &n : t.notifications)
    notifications.push_back(
        Object{{"recipients", range(n.firstRecipient, n.recipientCount)},
               {"connective", connectiveName(n.connective)},
               {"what", idx(n.what)},
               {"condition", condition(n.condition)},
               {"copy", n.copy}});
  Array recordItems;
  for (const table::RecordItem &r : t.recordItems)
    recordItems.push_back(
        Object{{"record", idx(r.record)}, {"what", idx(r.what)}});
  Array formItems;
  for (const table::FormItem &f : t.formItems)
    formItems.push_back(
        Object{{"form", int64_t(f.form)},
               {"send", f.send},
               {"recipients", range(f.firstRecipient, f.recipientCount)},
               {"connective", connectiveName(f.connective)},
               {"note", idx(f.note)}});
  Array owners;
  for (const table::Owner &o : t.owners)
    owners.push_back(
        Object{{"recipients", range(o.firstRecipient, o.recipientCount)},
               {"connective", connectiveName(o.connective)},
               {"condition", condition(o.condition)}});
  Array required;
  for (uint32_t r : t.required)
    required.push_back(int64_t(r));

  return Object{
      {"format", "escalade-table"},
      {"version",
       Array{int64_t(table::FormatMajor), int64_t(table::FormatMinor)}},
      {"strings", std::move(strings)},
      {"calendar", Object{{"name", int64_t(t.calendar.name)},
                          {"firstYear", int64_t(t.calendar.firstYear)},
                          {"lastYear", int64_t(t.calendar.lastYear)},
                          {"holidays", std::move(holidays)}}},
      {"procedures", std::move(procedures)},
      {"stages", std::move(stages)},
      {"routes", std::move(routes)},
      {"code", std::move(code)},
      {"facts", named(t.facts)},
      {"parties", std::move(parties)},
      {"recipients", std::move(recipients)},
      {"notifications", std::move(notifications)},
      {"recordItems", std::move(recordItems)},
      {"formItems", std::move(formItems)},
      {"owners", std::move(owners)},
      {"required", std::move(required)},
      {"records", named(t.records)},
      {"forms", named(t.forms)},
      {"outcomes", named(t.outcomes)},
      {"processes", named(t.processes)}};
}

} // namespace escalade::emit
