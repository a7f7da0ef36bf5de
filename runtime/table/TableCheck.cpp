// TableCheck.cpp — the whole-table checks behind readTable: every string,
// stage, fact, party, record, form, outcome, process and procedure index in
// range; a procedure's items pointing only into that procedure's own
// stages, facts, parties and declarations; ranges inside their vectors;
// nothing shared between procedures; conditions that leave exactly one
// truth value; holidays sorted inside the calendar's years. Each check
// visits each record once or a bounded number of times, so a hostile file
// cannot make checking slow.
#include "table/TableCheck.h"

#include <algorithm>
#include <string>
#include <vector>

namespace escalade::table {

using namespace layout;

namespace {

/// [first, first + count): checked against its vector before use.
struct Span {
  uint32_t first = 0, count = 0;
  bool contains(uint32_t v) const {
    return v >= first && uint64_t(v) < uint64_t(first) + count;
  }
};

/// What an item may point at: one procedure's own stages and declarations,
/// or, for an item no procedure's stage uses, anything in the table.
struct Scope {
  std::string owner; ///< "procedure 1's" or "the table's".
  Span stages, facts, parties, records, forms, outcomes, processes;
};

/// A half-open run of records [first, end).
struct Interval {
  uint32_t first, end;
};

std::string spanText(Span s) {
  if (s.count == 0)
    return "it has none";
  return std::to_string(s.first) + " to " +
         std::to_string(uint64_t(s.first) + s.count - 1);
}

std::string indexText(uint32_t v) {
  return v == None ? std::string("none") : std::to_string(v);
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant).
int64_t daysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string dateText(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  auto two = [](int64_t v) {
    std::string out(v < 10 ? 1 : 0, '0');
    return out += std::to_string(v);
  };
  return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

/// The years a std::chrono::year can hold: the calendar code uses them.
constexpr int32_t MinYear = -32767, MaxYear = 32767;

class Checker {
public:
  Checker(const Table &t, const SectionOffsets &at, ReadError &error)
      : T(t), At(at), Error(error) {}

  bool run() {
    return calendar() && declarations() && procedures() && stages() &&
           ownership() && items() && conditions();
  }

private:
  const Table &T;
  const SectionOffsets &At;
  ReadError &Error;
  Scope Whole;
  std::vector<Scope> Scopes; ///< One per procedure.
  /// Which procedure uses each record, or None.
  std::vector<uint32_t> StageOwner, RouteOwner, NotificationOwner,
      RecordItemOwner, FormItemOwner, OwnerOwner, RequiredOwner, RecipientOwner,
      CodeOwner;

  uint64_t offsetOf(Section s, size_t index, uint32_t field) const {
    return At[size_t(s)] + uint64_t(index) * info(s).recordSize + field;
  }
  std::string name(Section s, size_t index) const {
    return std::string(info(s).what) + " " + std::to_string(index);
  }
  bool failAt(uint64_t offset, std::string message) {
    Error.offset = offset;
    Error.message = std::move(message);
    return false;
  }
  bool fail(Section s, size_t index, uint32_t field,
            const std::string &message) {
    return failAt(offsetOf(s, index, field), name(s, index) + ": " + message);
  }
  const Scope &scopeOf(const std::vector<uint32_t> &owners, size_t i) const {
    return owners[i] == None ? Whole : Scopes[owners[i]];
  }

  /// A string index (or None, if `optional`).
  bool string(Section s, size_t i, uint32_t field, uint32_t v, const char *role,
              bool optional) {
    if ((optional && v == None) || v < T.strings.size())
      return true;
    if (v == None)
      return fail(s, i, field,
                  std::string("its ") + role + " is missing (string none)");
    return fail(s, i, field,
                std::string("its ") + role + " is string " + indexText(v) +
                    ", which is not one of the table's strings (" +
                    spanText({0, uint32_t(T.strings.size())}) + ")");
  }

  /// An index into `span`, the scope's stages, facts, ... (or None, if
  /// `optional`).
  bool index(Section s, size_t i, uint32_t field, uint32_t v, Span span,
             const std::string &owner, const char *kind, const char *plural,
             const char *role, bool optional) {
    if ((optional && v == None) || span.contains(v))
      return true;
    if (v == None)
      return fail(s, i, field,
                  std::string("its ") + role + " is missing: no " + kind +
                      " is given");
    return fail(s, i, field,
                std::string("its ") + role + ", " + kind + " " + indexText(v) +
                    ", is not one of " + owner + " " + plural + " (" +
                    spanText(span) + ")");
  }

  /// A run of `count` records from `first` inside a vector of `size`:
  /// "its {role} ... the table's {size} {plural}".
  bool range(Section s, size_t i, uint32_t field, uint32_t first,
             uint32_t count, size_t size, const char *plural,
             const char *role = nullptr) {
    if (uint64_t(first) + count <= size)
      return true;
    std::string where =
        count == 0 ? "start at " + std::to_string(first)
                   : "(" + std::to_string(first) + " to " +
                         std::to_string(uint64_t(first) + count - 1) + ")";
    return fail(s, i, field,
                std::string("its ") + (role ? role : plural) + " " + where +
                    (count == 0 ? ", past" : " run past") +
                    " the end of the table's " + std::to_string(size) + " " +
                    plural);
  }

  bool timescale(Section s, size_t i, uint32_t field, const Timescale &t,
                 const Scope &scope, const char *which) {
    std::string role = std::string(which) + " timescale's";
    return string(s, i, field + timescale::Words, t.words,
                  (role + " words").c_str(), t.unit != Unit::Words) &&
           string(s, i, field + timescale::TargetWords, t.targetWords,
                  (role + " target words").c_str(),
                  t.targetUnit != Unit::Words) &&
           index(s, i, field + timescale::AnchorStage, t.anchorStage,
                 scope.stages, scope.owner, "stage", "stages",
                 (role + " anchor").c_str(), true);
  }

  bool calendar() {
    const Calendar &c = T.calendar;
    if (!string(Section::Calendar, 0, calendar::Name, c.name, "name", false))
      return false;
    if (c.firstYear < MinYear || c.lastYear > MaxYear)
      return fail(Section::Calendar, 0, calendar::FirstYear,
                  "its years, " + std::to_string(c.firstYear) + " to " +
                      std::to_string(c.lastYear) +
                      ", go beyond the years a date can have (" +
                      std::to_string(MinYear) + " to " +
                      std::to_string(MaxYear) + ")");
    if (c.firstYear > c.lastYear)
      return fail(Section::Calendar, 0, calendar::LastYear,
                  "its last year, " + std::to_string(c.lastYear) +
                      ", is before its first, " + std::to_string(c.firstYear));
    int64_t lo = daysFromCivil(c.firstYear, 1, 1);
    int64_t hi = daysFromCivil(c.lastYear, 12, 31);
    for (size_t i = 0; i < c.holidays.size(); ++i) {
      int64_t d = c.holidays[i];
      if (d < lo || d > hi)
        return fail(Section::Holidays, i, holiday::Day,
                    "day " + std::to_string(d) + " (" + dateText(d) +
                        ") is outside the calendar's years, " +
                        std::to_string(c.firstYear) + " to " +
                        std::to_string(c.lastYear));
      if (i > 0 && d <= c.holidays[i - 1])
        return fail(Section::Holidays, i, holiday::Day,
                    "day " + std::to_string(d) + " (" + dateText(d) +
                        ") does not come after the holiday before it, " +
                        dateText(c.holidays[i - 1]) +
                        ": holidays must be sorted, each day once");
    }
    return true;
  }

  bool named(Section s, const std::vector<Named> &items) {
    for (size_t i = 0; i < items.size(); ++i)
      if (!string(s, i, named::Name, items[i].name, "name", false) ||
          !string(s, i, named::Title, items[i].title, "title", false))
        return false;
    return true;
  }

  bool declarations() {
    for (size_t i = 0; i < T.parties.size(); ++i)
      if (!string(Section::Parties, i, party::Name, T.parties[i].name, "name",
                  false) ||
          !string(Section::Parties, i, party::Title, T.parties[i].title,
                  "title", false))
        return false;
    return named(Section::Facts, T.facts) &&
           named(Section::Records, T.records) &&
           named(Section::Forms, T.forms) &&
           named(Section::Outcomes, T.outcomes) &&
           named(Section::Processes, T.processes);
  }

  bool procedures() {
    const Section P = Section::Procedures;
    auto all = [](size_t n) { return Span{0, uint32_t(n)}; };
    Whole = {"the table's",          all(T.stages.size()),
             all(T.facts.size()),    all(T.parties.size()),
             all(T.records.size()),  all(T.forms.size()),
             all(T.outcomes.size()), all(T.processes.size())};
    for (size_t i = 0; i < T.procedures.size(); ++i) {
      const Procedure &p = T.procedures[i];
      if (!string(P, i, procedure::Name, p.name, "name", false) ||
          !string(P, i, procedure::Title, p.title, "title", false) ||
          !string(P, i, procedure::Version, p.version, "version", true) ||
          !range(P, i, procedure::FirstStage, p.firstStage, p.stageCount,
                 T.stages.size(), "stages") ||
          !range(P, i, procedure::FirstFact, p.firstFact, p.factCount,
                 T.facts.size(), "facts") ||
          !range(P, i, procedure::FirstParty, p.firstParty, p.partyCount,
                 T.parties.size(), "parties") ||
          !range(P, i, procedure::FirstRecord, p.firstRecord, p.recordCount,
                 T.records.size(), "records") ||
          !range(P, i, procedure::FirstForm, p.firstForm, p.formCount,
                 T.forms.size(), "forms") ||
          !range(P, i, procedure::FirstOutcome, p.firstOutcome, p.outcomeCount,
                 T.outcomes.size(), "outcomes") ||
          !range(P, i, procedure::FirstProcess, p.firstProcess, p.processCount,
                 T.processes.size(), "processes"))
        return false;
      Scopes.push_back({"procedure " + std::to_string(i) + "'s",
                        {p.firstStage, p.stageCount},
                        {p.firstFact, p.factCount},
                        {p.firstParty, p.partyCount},
                        {p.firstRecord, p.recordCount},
                        {p.firstForm, p.formCount},
                        {p.firstOutcome, p.outcomeCount},
                        {p.firstProcess, p.processCount}});
    }

    // Each stage belongs to at most one procedure.
    std::vector<uint32_t> order;
    for (size_t i = 0; i < T.procedures.size(); ++i)
      if (T.procedures[i].stageCount > 0)
        order.push_back(uint32_t(i));
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return T.procedures[a].firstStage < T.procedures[b].firstStage;
    });
    for (size_t k = 1; k < order.size(); ++k) {
      const Procedure &a = T.procedures[order[k - 1]];
      const Procedure &b = T.procedures[order[k]];
      if (uint64_t(a.firstStage) + a.stageCount > b.firstStage)
        return fail(P, order[k], procedure::FirstStage,
                    "its stages (" + spanText({b.firstStage, b.stageCount}) +
                        ") overlap those of procedure " +
                        std::to_string(order[k - 1]) + " (" +
                        spanText({a.firstStage, a.stageCount}) +
                        "): a stage belongs to one procedure");
    }
    StageOwner.assign(T.stages.size(), None);
    for (size_t i = 0; i < T.procedures.size(); ++i)
      for (uint32_t s = 0; s < T.procedures[i].stageCount; ++s)
        StageOwner[T.procedures[i].firstStage + s] = uint32_t(i);

    for (size_t i = 0; i < T.procedures.size(); ++i) {
      const Procedure &p = T.procedures[i];
      if (p.stageCount == 0 && p.start != None)
        return fail(P, i, procedure::Start,
                    "it has no stages, so it cannot start at stage " +
                        indexText(p.start));
      if (p.stageCount > 0 &&
          !index(P, i, procedure::Start, p.start, Scopes[i].stages,
                 Scopes[i].owner, "stage", "stages", "start", false))
        return false;
      if (!timescale(P, i, procedure::Overall, p.overall, Scopes[i], "overall"))
        return false;
    }
    return true;
  }

  bool stages() {
    const Section S = Section::Stages;
    for (size_t i = 0; i < T.stages.size(); ++i) {
      const Stage &s = T.stages[i];
      const Scope &scope = scopeOf(StageOwner, i);
      if (!string(S, i, stage::Name, s.name, "name", false) ||
          !string(S, i, stage::Title, s.title, "title", false) ||
          !timescale(S, i, stage::Respond, s.respond, scope, "respond") ||
          !timescale(S, i, stage::Begin, s.begin, scope, "begin") ||
          !range(S, i, stage::FirstRoute, s.firstRoute, s.routeCount,
                 T.routes.size(), "routes") ||
          !range(S, i, stage::FirstNotification, s.firstNotification,
                 s.notificationCount, T.notifications.size(),
                 "notifications") ||
          !range(S, i, stage::FirstRecord, s.firstRecord, s.recordCount,
                 T.recordItems.size(), "record items") ||
          !range(S, i, stage::FirstForm, s.firstForm, s.formCount,
                 T.formItems.size(), "form items") ||
          !range(S, i, stage::FirstOwner, s.firstOwner, s.ownerCount,
                 T.owners.size(), "owners") ||
          !range(S, i, stage::FirstRequired, s.firstRequired, s.requiredCount,
                 T.required.size(), "required stages"))
        return false;
    }
    return true;
  }

  /// Marks the records in `runs` as procedure `p`'s, failing if another
  /// procedure already uses one. Leaves `runs` sorted and merged, so that
  /// the caller can walk each record once.
  bool claim(std::vector<Interval> &runs, std::vector<uint32_t> &owners,
             uint32_t p, Section s) {
    std::sort(runs.begin(), runs.end(),
              [](Interval a, Interval b) { return a.first < b.first; });
    std::vector<Interval> merged;
    for (Interval r : runs) {
      if (r.first == r.end)
        continue;
      if (!merged.empty() && r.first <= merged.back().end)
        merged.back().end = std::max(merged.back().end, r.end);
      else
        merged.push_back(r);
    }
    for (Interval r : merged)
      for (uint32_t i = r.first; i < r.end; ++i) {
        if (owners[i] == None)
          owners[i] = p;
        else if (owners[i] != p)
          return fail(s, i, 0,
                      "it is used by both procedure " +
                          std::to_string(owners[i]) + " and procedure " +
                          std::to_string(p) +
                          ", but a procedure's items are its own");
      }
    runs = std::move(merged);
    return true;
  }

  /// Gives every item a stage of a procedure uses, and every recipient and
  /// instruction those items use, to that procedure.
  bool ownership() {
    RouteOwner.assign(T.routes.size(), None);
    NotificationOwner.assign(T.notifications.size(), None);
    RecordItemOwner.assign(T.recordItems.size(), None);
    FormItemOwner.assign(T.formItems.size(), None);
    OwnerOwner.assign(T.owners.size(), None);
    RequiredOwner.assign(T.required.size(), None);
    RecipientOwner.assign(T.recipients.size(), None);
    CodeOwner.assign(T.code.size(), None);
    auto run = [](uint32_t first, uint32_t count) {
      return Interval{first, first + count}; // in range: checked in stages()
    };
    for (uint32_t p = 0; p < T.procedures.size(); ++p) {
      const Procedure &proc = T.procedures[p];
      std::vector<Interval> routes, notes, recordItems, formItems, owners,
          required, recipients, code;
      for (uint32_t k = 0; k < proc.stageCount; ++k) {
        const Stage &s = T.stages[proc.firstStage + k];
        routes.push_back(run(s.firstRoute, s.routeCount));
        notes.push_back(run(s.firstNotification, s.notificationCount));
        recordItems.push_back(run(s.firstRecord, s.recordCount));
        formItems.push_back(run(s.firstForm, s.formCount));
        owners.push_back(run(s.firstOwner, s.ownerCount));
        required.push_back(run(s.firstRequired, s.requiredCount));
      }
      if (!claim(routes, RouteOwner, p, Section::Routes) ||
          !claim(notes, NotificationOwner, p, Section::Notifications) ||
          !claim(recordItems, RecordItemOwner, p, Section::RecordItems) ||
          !claim(formItems, FormItemOwner, p, Section::FormItems) ||
          !claim(owners, OwnerOwner, p, Section::Owners) ||
          !claim(required, RequiredOwner, p, Section::Required))
        return false;
      // The second level: recipients and instructions. Ranges not yet
      // checked are clipped here and reported by items().
      auto add = [](std::vector<Interval> &into, uint32_t first, uint32_t count,
                    size_t size) {
        uint64_t end = std::min<uint64_t>(uint64_t(first) + count, size);
        if (first < end)
          into.push_back({first, uint32_t(end)});
      };
      for (Interval r : routes)
        for (uint32_t i = r.first; i < r.end; ++i)
          add(code, T.routes[i].guard.first, T.routes[i].guard.length,
              T.code.size());
      for (Interval r : notes)
        for (uint32_t i = r.first; i < r.end; ++i) {
          const Notification &n = T.notifications[i];
          add(recipients, n.firstRecipient, n.recipientCount,
              T.recipients.size());
          add(code, n.condition.first, n.condition.length, T.code.size());
        }
      for (Interval r : formItems)
        for (uint32_t i = r.first; i < r.end; ++i)
          add(recipients, T.formItems[i].firstRecipient,
              T.formItems[i].recipientCount, T.recipients.size());
      for (Interval r : owners)
        for (uint32_t i = r.first; i < r.end; ++i) {
          const Owner &o = T.owners[i];
          add(recipients, o.firstRecipient, o.recipientCount,
              T.recipients.size());
          add(code, o.condition.first, o.condition.length, T.code.size());
        }
      if (!claim(recipients, RecipientOwner, p, Section::Recipients) ||
          !claim(code, CodeOwner, p, Section::Code))
        return false;
    }
    return true;
  }

  bool condition(Section s, size_t i, uint32_t field, Condition c) {
    return range(s, i, field, c.first, c.length, T.code.size(), "instructions",
                 "condition's instructions");
  }

  bool recipients(Section s, size_t i, uint32_t field, uint32_t first,
                  uint32_t count) {
    return range(s, i, field, first, count, T.recipients.size(), "recipients");
  }

  bool route(size_t i) {
    const Section S = Section::Routes;
    const Route &r = T.routes[i];
    const Scope &scope = scopeOf(RouteOwner, i);
    if (!condition(S, i, route::GuardFirst, r.guard))
      return false;
    if (r.kind != TargetKind::OtherStage && r.targetStage != None)
      return fail(S, i, route::TargetStage,
                  "its target stage is " + indexText(r.targetStage) +
                      ", but only a route to a stage of another procedure "
                      "has one");
    Span procedures{0, uint32_t(T.procedures.size())};
    switch (r.kind) {
    case TargetKind::Stage:
      return index(S, i, route::Target, r.target, scope.stages, scope.owner,
                   "stage", "stages", "target", false);
    case TargetKind::Outcome:
      return index(S, i, route::Target, r.target, scope.outcomes, scope.owner,
                   "outcome", "outcomes", "target", false);
    case TargetKind::Process:
      return index(S, i, route::Target, r.target, scope.processes, scope.owner,
                   "process", "processes", "target", false);
    case TargetKind::Procedure:
      return index(S, i, route::Target, r.target, procedures, "the table's",
                   "procedure", "procedures", "target", false);
    case TargetKind::OtherStage: {
      if (!index(S, i, route::Target, r.target, procedures, "the table's",
                 "procedure", "procedures", "target", false))
        return false;
      const Procedure &q = T.procedures[r.target];
      return index(S, i, route::TargetStage, r.targetStage,
                   {q.firstStage, q.stageCount},
                   "procedure " + std::to_string(r.target) + "'s", "stage",
                   "stages", "target stage", false);
    }
    }
    return fail(S, i, route::Kind, "its kind is not known"); // decoded: never
  }

  bool items() {
    for (size_t i = 0; i < T.routes.size(); ++i)
      if (!route(i))
        return false;
    for (size_t i = 0; i < T.notifications.size(); ++i) {
      const Section S = Section::Notifications;
      const Notification &n = T.notifications[i];
      if (!recipients(S, i, notification::FirstRecipient, n.firstRecipient,
                      n.recipientCount) ||
          !string(S, i, notification::What, n.what, "text", true) ||
          !condition(S, i, notification::ConditionFirst, n.condition))
        return false;
    }
    for (size_t i = 0; i < T.recordItems.size(); ++i) {
      const Section S = Section::RecordItems;
      const RecordItem &r = T.recordItems[i];
      const Scope &scope = scopeOf(RecordItemOwner, i);
      if (!index(S, i, recordItem::Record, r.record, scope.records, scope.owner,
                 "record", "records", "record", true) ||
          !string(S, i, recordItem::What, r.what, "text", true))
        return false;
    }
    for (size_t i = 0; i < T.formItems.size(); ++i) {
      const Section S = Section::FormItems;
      const FormItem &f = T.formItems[i];
      const Scope &scope = scopeOf(FormItemOwner, i);
      if (!index(S, i, formItem::Form, f.form, scope.forms, scope.owner, "form",
                 "forms", "form", false) ||
          !recipients(S, i, formItem::FirstRecipient, f.firstRecipient,
                      f.recipientCount) ||
          !string(S, i, formItem::Note, f.note, "note", true))
        return false;
    }
    for (size_t i = 0; i < T.owners.size(); ++i) {
      const Section S = Section::Owners;
      const Owner &o = T.owners[i];
      if (!recipients(S, i, owner::FirstRecipient, o.firstRecipient,
                      o.recipientCount) ||
          !condition(S, i, owner::ConditionFirst, o.condition))
        return false;
    }
    for (size_t i = 0; i < T.required.size(); ++i) {
      const Scope &scope = scopeOf(RequiredOwner, i);
      if (!index(Section::Required, i, required::Stage, T.required[i],
                 scope.stages, scope.owner, "stage", "stages", "required stage",
                 false))
        return false;
    }
    for (size_t i = 0; i < T.recipients.size(); ++i) {
      const Scope &scope = scopeOf(RecipientOwner, i);
      if (!index(Section::Recipients, i, recipient::Party,
                 T.recipients[i].party, scope.parties, scope.owner, "party",
                 "parties", "party", true))
        return false;
    }
    for (size_t i = 0; i < T.code.size(); ++i) {
      const CondInstr &c = T.code[i];
      const Scope &scope = scopeOf(CodeOwner, i);
      if (c.op == CondOp::Fact &&
          !index(Section::Code, i, instr::Arg, c.arg, scope.facts, scope.owner,
                 "fact", "facts", "fact", false))
        return false;
      if ((c.op == CondOp::And || c.op == CondOp::Or) && c.arg < 2)
        return fail(Section::Code, i, instr::Arg,
                    std::string("an ") + (c.op == CondOp::And ? "and" : "or") +
                        " combines at least 2 values, but this one "
                        "combines " +
                        std::to_string(c.arg));
    }
    return true;
  }

  /// A condition in use: where it is, and the first record using it.
  struct Use {
    uint32_t first, length;
    Section s;
    uint32_t index, field;
  };

  std::string conditionName(const Use &u) const {
    return "the condition of " + name(u.s, u.index) + " (instructions " +
           spanText({u.first, u.length}) + ")";
  }

  /// Runs the postfix code counting the values it would leave.
  bool wellFormed(const Use &u) {
    uint64_t depth = 0;
    for (uint64_t k = u.first; k < uint64_t(u.first) + u.length; ++k) {
      const CondInstr &c = T.code[k];
      uint64_t at = offsetOf(Section::Code, k, 0);
      switch (c.op) {
      case CondOp::Fact:
        ++depth;
        break;
      case CondOp::Not:
        if (depth < 1)
          return failAt(at, conditionName(u) +
                                " is not well formed: instruction " +
                                std::to_string(k) +
                                ", a not, has no value before it to negate");
        break;
      case CondOp::And:
      case CondOp::Or:
        if (c.arg < 2 || depth < c.arg)
          return failAt(at,
                        conditionName(u) + " is not well formed: instruction " +
                            std::to_string(k) + ", an " +
                            (c.op == CondOp::And ? "and" : "or") + " of " +
                            std::to_string(c.arg) + ", needs " +
                            std::to_string(c.arg) + " values but has only " +
                            std::to_string(depth) + " before it");
        depth -= c.arg - 1;
        break;
      }
    }
    if (depth != 1)
      return failAt(offsetOf(u.s, u.index, u.field),
                    conditionName(u) + " is not well formed: it leaves " +
                        (depth == 0 ? std::string("no value")
                                    : std::to_string(depth) + " values") +
                        " where it should leave exactly one");
    return true;
  }

  bool conditions() {
    std::vector<Use> uses;
    auto use = [&](Condition c, Section s, size_t i, uint32_t field) {
      if (c.length > 0)
        uses.push_back({c.first, c.length, s, uint32_t(i), field});
    };
    for (size_t i = 0; i < T.routes.size(); ++i)
      use(T.routes[i].guard, Section::Routes, i, route::GuardFirst);
    for (size_t i = 0; i < T.notifications.size(); ++i)
      use(T.notifications[i].condition, Section::Notifications, i,
          notification::ConditionFirst);
    for (size_t i = 0; i < T.owners.size(); ++i)
      use(T.owners[i].condition, Section::Owners, i, owner::ConditionFirst);
    std::stable_sort(uses.begin(), uses.end(), [](const Use &a, const Use &b) {
      return a.first != b.first ? a.first < b.first : a.length < b.length;
    });
    // Two conditions share all their instructions or none, so that each
    // instruction is run here once.
    const Use *last = nullptr;
    for (const Use &u : uses) {
      if (last && last->first == u.first && last->length == u.length)
        continue;
      if (last && uint64_t(last->first) + last->length > u.first)
        return fail(u.s, u.index, u.field,
                    "its condition (instructions " +
                        spanText({u.first, u.length}) + ") overlaps " +
                        conditionName(*last) +
                        ": two conditions share all their instructions or "
                        "none");
      if (!wellFormed(u))
        return false;
      last = &u;
    }
    return true;
  }
};

} // namespace

bool checkTable(const Table &table, const SectionOffsets &offsets,
                ReadError &error) {
  return Checker(table, offsets, error).run();
}

} // namespace escalade::table
