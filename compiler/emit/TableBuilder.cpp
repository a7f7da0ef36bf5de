// TableBuilder.cpp — from AST and ProcedureModel to table::Table.
#include "emit/TableBuilder.h"

#include "sema/ProcedureModel.h"

#include "llvm/ADT/StringMap.h"

#include <cassert>

namespace escalade::emit {

using table::None;

namespace {

class Builder {
public:
  Builder(const ast::File &file, table::Table &out) : File(file), T(out) {}

  void build(const runtime::WorkingDayCalendar &calendar);

private:
  uint32_t str(const std::string &s);
  uint32_t optStr(const std::optional<ast::Text> &t) {
    return t ? str(t->value) : None;
  }
  table::Timescale timescale(const ast::Timescale *t, bool begin,
                             bool fromPredecessor);
  table::Condition condition(const ast::Condition *c);
  void expr(const ast::Expr &e);
  uint32_t recipients(const std::vector<ast::RoleRef> &roles);
  uint32_t recipients(const std::vector<ast::Recipient> &list);
  uint32_t index(const llvm::StringMap<uint32_t> &map, const std::string &name,
                 const char *what);

  void declare(size_t p);
  void lower(size_t p);

  const ast::File &File;
  table::Table &T;
  llvm::StringMap<uint32_t> Strings;
  std::vector<sema::ProcedureModel> Models;
  /// Per procedure: its names to absolute indexes.
  struct Names {
    llvm::StringMap<uint32_t> stages, facts, parties, records, forms, outcomes,
        processes;
  };
  std::vector<Names> ByProcedure;
  Names *Current = nullptr;
};

uint32_t Builder::str(const std::string &s) {
  auto [it, inserted] =
      Strings.try_emplace(s, static_cast<uint32_t>(T.strings.size()));
  if (inserted)
    T.strings.push_back(s);
  return it->second;
}

uint32_t Builder::index(const llvm::StringMap<uint32_t> &map,
                        const std::string &name, const char *what) {
  auto it = map.find(name);
  assert(it != map.end() && "a checked file resolves every name");
  (void)what;
  return it == map.end() ? None : it->second;
}

table::Unit unitOf(ast::DurationUnit u) {
  switch (u) {
  case ast::DurationUnit::WorkingDays:
    return table::Unit::WorkingDays;
  case ast::DurationUnit::CalendarDays:
    return table::Unit::CalendarDays;
  case ast::DurationUnit::Hours:
    return table::Unit::Hours;
  case ast::DurationUnit::SameDay:
    return table::Unit::SameDay;
  case ast::DurationUnit::Vague:
    return table::Unit::Words;
  }
  return table::Unit::None;
}

table::Timescale Builder::timescale(const ast::Timescale *t, bool begin,
                                    bool fromPredecessor) {
  table::Timescale out;
  if (!t)
    return out;
  out.unit = unitOf(t->limit.unit);
  out.count = t->limit.count;
  if (t->limit.unit == ast::DurationUnit::Vague)
    out.words = str(t->limit.vagueText);
  if (t->target) {
    out.targetUnit = unitOf(t->target->unit);
    out.targetCount = t->target->count;
    if (t->target->unit == ast::DurationUnit::Vague)
      out.targetWords = str(t->target->vagueText);
  }
  if (t->anchor && !fromPredecessor) {
    out.anchorStage = index(Current->stages, t->anchor->stage.text, "stage");
    out.anchorPoint = t->anchor->point == ast::AnchorPoint::Start
                          ? table::AnchorPoint::Start
                          : table::AnchorPoint::End;
  }
  // `begin within L from end of X`, X the stage before: the same as no
  // anchor, and kept so: the interpreter measures it from the stage the
  // case came from, whichever that was.
  (void)begin;
  return out;
}

void Builder::expr(const ast::Expr &e) {
  switch (e.kind) {
  case ast::Expr::Kind::Fact:
    T.code.push_back(
        {table::CondOp::Fact, index(Current->facts, e.fact.text, "fact")});
    return;
  case ast::Expr::Kind::Not:
    expr(e.operands.front());
    T.code.push_back({table::CondOp::Not, 0});
    return;
  case ast::Expr::Kind::And:
  case ast::Expr::Kind::Or:
    for (const ast::Expr &o : e.operands)
      expr(o);
    T.code.push_back({e.kind == ast::Expr::Kind::And ? table::CondOp::And
                                                     : table::CondOp::Or,
                      static_cast<uint32_t>(e.operands.size())});
    return;
  }
}

table::Condition Builder::condition(const ast::Condition *c) {
  table::Condition out;
  out.first = static_cast<uint32_t>(T.code.size());
  if (!c)
    return out;
  expr(c->expr);
  if (c->negated)
    T.code.push_back({table::CondOp::Not, 0});
  out.length = static_cast<uint32_t>(T.code.size()) - out.first;
  return out;
}

uint32_t Builder::recipients(const std::vector<ast::RoleRef> &roles) {
  uint32_t first = static_cast<uint32_t>(T.recipients.size());
  for (const ast::RoleRef &r : roles)
    T.recipients.push_back(
        {index(Current->parties, r.role.text, "party"), r.equivalent});
  return first;
}

uint32_t Builder::recipients(const std::vector<ast::Recipient> &list) {
  uint32_t first = static_cast<uint32_t>(T.recipients.size());
  for (const ast::Recipient &r : list)
    T.recipients.push_back({r.kind == ast::Recipient::Kind::AllParties
                                ? None
                                : index(Current->parties, r.name.text, "party"),
                            r.equivalent});
  return first;
}

table::Connective connective(ast::Connective c) {
  switch (c) {
  case ast::Connective::Single:
    return table::Connective::Single;
  case ast::Connective::AnyOf:
    return table::Connective::AnyOf;
  case ast::Connective::AllOf:
    return table::Connective::AllOf;
  }
  return table::Connective::Single;
}

/// Stages, facts, parties and the other declarations get their indexes
/// first, for every procedure, so routes between procedures resolve.
void Builder::declare(size_t p) {
  const ast::Procedure &proc = File.procedures[p];
  Names &names = ByProcedure[p];
  table::Procedure out;
  out.name = str(proc.name.text);
  out.title = str(proc.title.value);
  out.version = proc.version ? str(proc.version->text.value) : None;
  out.skippable = proc.skippable.has_value();
  out.firstStage = static_cast<uint32_t>(T.stages.size());
  for (const ast::Stage &s : proc.stages) {
    names.stages.try_emplace(s.name.text,
                             static_cast<uint32_t>(T.stages.size()));
    table::Stage st;
    st.name = str(s.name.text);
    st.title = str(s.title.value);
    st.number = s.number ? s.number->value : 0;
    st.final = s.body.final.has_value();
    T.stages.push_back(st);
  }
  out.stageCount = static_cast<uint32_t>(proc.stages.size());
  auto declared = [&](ast::DeclKind kind, std::vector<table::Named> &into,
                      llvm::StringMap<uint32_t> &map, uint32_t &first,
                      uint32_t &count) {
    first = static_cast<uint32_t>(into.size());
    for (const ast::Declaration &d : proc.declarations)
      if (d.kind == kind &&
          map.try_emplace(d.name.text, static_cast<uint32_t>(into.size()))
              .second)
        into.push_back({str(d.name.text), str(d.title.value)});
    count = static_cast<uint32_t>(into.size()) - first;
  };
  declared(ast::DeclKind::Fact, T.facts, names.facts, out.firstFact,
           out.factCount);
  declared(ast::DeclKind::Record, T.records, names.records, out.firstRecord,
           out.recordCount);
  declared(ast::DeclKind::Form, T.forms, names.forms, out.firstForm,
           out.formCount);
  declared(ast::DeclKind::Outcome, T.outcomes, names.outcomes, out.firstOutcome,
           out.outcomeCount);
  declared(ast::DeclKind::Process, T.processes, names.processes,
           out.firstProcess, out.processCount);
  out.firstParty = static_cast<uint32_t>(T.parties.size());
  for (const ast::Declaration &d : proc.declarations) {
    table::PartyKind kind;
    if (d.kind == ast::DeclKind::Role)
      kind = table::PartyKind::Role;
    else if (d.kind == ast::DeclKind::Contact)
      kind = table::PartyKind::Contact;
    else if (d.kind == ast::DeclKind::Agency)
      kind = table::PartyKind::Agency;
    else
      continue;
    if (names.parties
            .try_emplace(d.name.text, static_cast<uint32_t>(T.parties.size()))
            .second)
      T.parties.push_back({kind, str(d.name.text), str(d.title.value)});
  }
  out.partyCount = static_cast<uint32_t>(T.parties.size()) - out.firstParty;
  T.procedures.push_back(out);
}

void Builder::lower(size_t p) {
  const ast::Procedure &proc = File.procedures[p];
  const sema::ProcedureModel &model = Models[p];
  Current = &ByProcedure[p];
  table::Procedure &out = T.procedures[p];
  out.start = model.start() < 0 ? None : out.firstStage + model.start();
  out.overall =
      timescale(proc.overall ? &*proc.overall : nullptr, false, false);
  const ast::StageBody *every =
      proc.everyStage ? &proc.everyStage->body : nullptr;

  for (size_t i = 0; i < model.size(); ++i) {
    const sema::StageInfo &info = model[i];
    const ast::StageBody &body = info.stage->body;
    table::Stage &st = T.stages[out.firstStage + i];
    st.respond = timescale(info.respond, false, false);
    st.begin = timescale(info.begin, true, info.beginFromPredecessor);

    st.firstRoute = static_cast<uint32_t>(T.routes.size());
    for (const sema::Route &r : model[i].routes) {
      table::Route route;
      route.trigger = static_cast<table::Trigger>(r.trigger());
      route.guard = condition(r.guard());
      const ast::Target &target = r.transition->target;
      switch (r.kind) {
      case sema::TargetKind::Stage:
        route.kind = table::TargetKind::Stage;
        route.target = out.firstStage + r.stage;
        break;
      case sema::TargetKind::Outcome:
        route.kind = table::TargetKind::Outcome;
        route.target = index(Current->outcomes, target.name.text, "outcome");
        break;
      case sema::TargetKind::Process:
        route.kind = table::TargetKind::Process;
        route.target = index(Current->processes, target.name.text, "process");
        break;
      case sema::TargetKind::Procedure:
      case sema::TargetKind::OtherStage: {
        const std::string &procName =
            target.procedure ? target.procedure->text : target.name.text;
        size_t q = 0;
        while (q < File.procedures.size() &&
               File.procedures[q].name.text != procName)
          ++q;
        assert(q < File.procedures.size());
        route.target = static_cast<uint32_t>(q);
        if (target.procedure) {
          route.kind = table::TargetKind::OtherStage;
          route.targetStage =
              index(ByProcedure[q].stages, target.name.text, "stage");
        } else {
          route.kind = table::TargetKind::Procedure;
        }
        break;
      }
      case sema::TargetKind::Unresolved:
        assert(false && "a checked file has no unresolved routes");
        continue;
      }
      T.routes.push_back(route);
    }
    st.routeCount = static_cast<uint32_t>(T.routes.size()) - st.firstRoute;

    // Notifications, records and forms: the stage's own, then those under
    // `every stage`.
    st.firstNotification = static_cast<uint32_t>(T.notifications.size());
    st.firstRecord = static_cast<uint32_t>(T.recordItems.size());
    st.firstForm = static_cast<uint32_t>(T.formItems.size());
    for (const ast::StageBody *b : {&body, every}) {
      if (!b)
        continue;
      for (const ast::Inform &inf : b->informs) {
        table::Notification n;
        n.firstRecipient = recipients(inf.recipients.recipients);
        n.recipientCount = uint32_t(inf.recipients.recipients.size());
        n.connective = connective(inf.recipients.connective);
        n.what = optStr(inf.what);
        n.condition = condition(inf.condition ? &*inf.condition : nullptr);
        T.notifications.push_back(n);
      }
      for (const ast::Copy &c : b->copies) {
        table::Notification n;
        n.firstRecipient = recipients(c.recipients.recipients);
        n.recipientCount = uint32_t(c.recipients.recipients.size());
        n.connective = connective(c.recipients.connective);
        n.what = optStr(c.what);
        n.condition = condition(nullptr);
        n.copy = true;
        T.notifications.push_back(n);
      }
      for (const ast::KeepRecord &k : b->records)
        T.recordItems.push_back(
            {k.record ? index(Current->records, k.record->text, "record")
                      : None,
             optStr(k.what)});
      for (const ast::FormUse &f : b->forms) {
        table::FormItem item;
        item.form = index(Current->forms, f.form.text, "form");
        item.send = f.kind == ast::FormUse::Kind::Send;
        item.firstRecipient = recipients(f.recipients.recipients);
        item.recipientCount = uint32_t(f.recipients.recipients.size());
        item.connective = connective(f.recipients.connective);
        item.note = optStr(f.note);
        T.formItems.push_back(item);
      }
    }
    st.notificationCount =
        static_cast<uint32_t>(T.notifications.size()) - st.firstNotification;
    st.recordCount =
        static_cast<uint32_t>(T.recordItems.size()) - st.firstRecord;
    st.formCount = static_cast<uint32_t>(T.formItems.size()) - st.firstForm;

    st.firstOwner = static_cast<uint32_t>(T.owners.size());
    for (const ast::Owner &o : body.owners) {
      table::Owner owner;
      owner.firstRecipient = recipients(o.roles.roles);
      owner.recipientCount = uint32_t(o.roles.roles.size());
      owner.connective = connective(o.roles.connective);
      owner.condition = condition(o.condition ? &*o.condition : nullptr);
      T.owners.push_back(owner);
    }
    st.ownerCount = static_cast<uint32_t>(T.owners.size()) - st.firstOwner;

    st.firstRequired = static_cast<uint32_t>(T.required.size());
    for (const ast::Requirement &r : body.requirements)
      for (const ast::Name &n : r.stages)
        T.required.push_back(index(Current->stages, n.text, "stage"));
    st.requiredCount =
        static_cast<uint32_t>(T.required.size()) - st.firstRequired;
  }
}

void Builder::build(const runtime::WorkingDayCalendar &calendar) {
  T.calendar.name = str(calendar.name());
  T.calendar.firstYear = calendar.firstYear();
  T.calendar.lastYear = calendar.lastYear();
  for (runtime::Day d : calendar.holidays())
    T.calendar.holidays.push_back(
        static_cast<int32_t>(d.time_since_epoch().count()));
  ByProcedure.resize(File.procedures.size());
  Models.reserve(File.procedures.size());
  for (const ast::Procedure &proc : File.procedures)
    Models.emplace_back(File, proc);
  for (size_t p = 0; p < File.procedures.size(); ++p)
    declare(p);
  for (size_t p = 0; p < File.procedures.size(); ++p)
    lower(p);
}

} // namespace

table::Table buildTable(const ast::File &file,
                        const runtime::WorkingDayCalendar &calendar) {
  table::Table t;
  Builder(file, t).build(calendar);
  return t;
}

} // namespace escalade::emit
