// Table.h — a compiled procedure as the interpreter runs it: stages,
// routes with their guards, timescales, notifications with their
// conditions, records, forms, the names and titles people read, and the
// working-day calendar the dates are counted in. Plain values indexed by
// number; the binary form (TableFormat.h, docs/table-format.md) and the
// JSON form carry exactly this.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace escalade::table {

/// No index: a stage with no anchor, a route with no guard.
constexpr uint32_t None = 0xFFFFFFFFu;

enum class Unit : uint8_t {
  None = 0,         ///< No timescale at all.
  WorkingDays = 1,  ///< `5 working days`
  CalendarDays = 2, ///< `2 calendar days`
  Hours = 3,        ///< `24 hours`
  SameDay = 4,      ///< `same day`
  Words = 5,        ///< `"as soon as possible"`: no date can be worked out.
};

enum class AnchorPoint : uint8_t { Start = 0, End = 1 };

/// A limit, maybe a preferred target, maybe measured from another stage.
struct Timescale {
  Unit unit = Unit::None;
  uint32_t count = 0;
  uint32_t words = None; ///< String index, Unit::Words only.
  Unit targetUnit = Unit::None;
  uint32_t targetCount = 0;
  uint32_t targetWords = None;
  uint32_t anchorStage = None; ///< Stage index, or None: from the start of
                               ///< this stage (respond) or the end of the
                               ///< stage before it (begin).
  AnchorPoint anchorPoint = AnchorPoint::Start;

  bool present() const { return unit != Unit::None; }
  bool operator==(const Timescale &) const = default;
};

/// A condition over facts, as postfix code: each op pushes or combines
/// truth values; a well-formed condition leaves exactly one.
enum class CondOp : uint8_t {
  Fact = 0, ///< Push fact `arg`.
  Not = 1,  ///< Negate the top.
  And = 2,  ///< Pop `arg` (>= 2) values, push their conjunction.
  Or = 3,   ///< Pop `arg` (>= 2) values, push their disjunction.
};
struct CondInstr {
  CondOp op = CondOp::Fact;
  uint32_t arg = 0;
  bool operator==(const CondInstr &) const = default;
};
/// A condition: `length` instructions from `first` in Table::code.
/// length 0 means "always".
struct Condition {
  uint32_t first = 0;
  uint32_t length = 0;
  bool operator==(const Condition &) const = default;
};

enum class Trigger : uint8_t {
  Resolved = 0,
  Unresolved = 1,
  Urgent = 2,
  Overdue = 3
};

enum class TargetKind : uint8_t {
  Stage = 0,      ///< `target` is a stage index of this procedure.
  Outcome = 1,    ///< `target` is an outcome index: the case closes.
  Process = 2,    ///< `target` is a process index: handed off, closed.
  Procedure = 3,  ///< `target` is a procedure index, entered at its start.
  OtherStage = 4, ///< `target` is a procedure index, `targetStage` its stage.
};

struct Route {
  Trigger trigger = Trigger::Unresolved;
  Condition guard;
  TargetKind kind = TargetKind::Stage;
  uint32_t target = 0;
  uint32_t targetStage = None;
  bool operator==(const Route &) const = default;
};

/// Who a notification or form goes to: a party, or everyone involved.
struct Recipient {
  uint32_t party = None; ///< Party index; None means "all parties".
  bool equivalent = false;
  bool operator==(const Recipient &) const = default;
};

enum class Connective : uint8_t { Single = 0, AnyOf = 1, AllOf = 2 };

/// `inform cp_chair when cp_plan`, or `copy to mscp "..."` (copy = true).
struct Notification {
  uint32_t firstRecipient = 0; ///< In Table::recipients.
  uint32_t recipientCount = 0;
  Connective connective = Connective::Single;
  uint32_t what = None; ///< String index.
  Condition condition;
  bool copy = false;
  bool operator==(const Notification &) const = default;
};

/// `keep record in child_file "what"`.
struct RecordItem {
  uint32_t record = None; ///< Declared record index, or None.
  uint32_t what = None;   ///< String index.
  bool operator==(const RecordItem &) const = default;
};

/// `complete escalation_form` or `send escalation_form to mscp`.
struct FormItem {
  uint32_t form = 0; ///< Declared form index.
  bool send = false;
  uint32_t firstRecipient = 0;
  uint32_t recipientCount = 0;
  Connective connective = Connective::Single;
  uint32_t note = None;
  bool operator==(const FormItem &) const = default;
};

/// A role, contact or agency: anyone who can be named as a recipient,
/// owner or decision maker.
enum class PartyKind : uint8_t { Role = 0, Contact = 1, Agency = 2 };
struct Party {
  PartyKind kind = PartyKind::Role;
  uint32_t name = 0;  ///< String index.
  uint32_t title = 0; ///< String index.
  bool operator==(const Party &) const = default;
};

/// A fact, record, form, outcome or process: a name and a title.
struct Named {
  uint32_t name = 0;
  uint32_t title = 0;
  bool operator==(const Named &) const = default;
};

struct Stage {
  uint32_t name = 0;
  uint32_t title = 0;
  uint32_t number = 0; ///< `number 3`, or 0.
  bool final = false;
  Timescale respond;
  Timescale begin;
  uint32_t firstRoute = 0, routeCount = 0; ///< In Table::routes; own
                                           ///< routes, then `every stage`.
  uint32_t firstNotification = 0, notificationCount = 0;
  uint32_t firstRecord = 0, recordCount = 0;
  uint32_t firstForm = 0, formCount = 0;
  uint32_t firstOwner = 0, ownerCount = 0;       ///< In Table::owners.
  uint32_t firstRequired = 0, requiredCount = 0; ///< In Table::required.
  bool operator==(const Stage &) const = default;
};

/// An owner line: who leads the stage, and when.
struct Owner {
  uint32_t firstRecipient = 0, recipientCount = 0;
  Connective connective = Connective::Single;
  Condition condition;
  bool operator==(const Owner &) const = default;
};

struct Procedure {
  uint32_t name = 0;
  uint32_t title = 0;
  uint32_t version = None;
  uint32_t start = None; ///< Stage index (absolute), None if no stages.
  bool skippable = false;
  Timescale overall;
  uint32_t firstStage = 0, stageCount = 0; ///< In Table::stages.
  uint32_t firstFact = 0, factCount = 0;   ///< In Table::facts.
  uint32_t firstParty = 0, partyCount = 0;
  uint32_t firstRecord = 0, recordCount = 0; ///< Declared records.
  uint32_t firstForm = 0, formCount = 0;     ///< Declared forms.
  uint32_t firstOutcome = 0, outcomeCount = 0;
  uint32_t firstProcess = 0, processCount = 0;
  bool operator==(const Procedure &) const = default;
};

/// The working-day calendar dates are counted in.
struct Calendar {
  uint32_t name = 0; ///< String index.
  int32_t firstYear = 0, lastYear = 0;
  std::vector<int32_t> holidays; ///< Days since 1970-01-01, sorted.
  bool operator==(const Calendar &) const = default;
};

/// Every index inside a procedure's items (stage of a route, fact of a
/// condition, party of a recipient, ...) is absolute: an index into the
/// table-wide vector, not relative to the procedure's first.
struct Table {
  std::vector<std::string> strings;
  Calendar calendar;
  std::vector<Procedure> procedures;
  std::vector<Stage> stages;
  std::vector<Route> routes;
  std::vector<CondInstr> code;
  std::vector<Named> facts;
  std::vector<Party> parties;
  std::vector<Recipient> recipients;
  std::vector<Notification> notifications;
  std::vector<RecordItem> recordItems;
  std::vector<FormItem> formItems;
  std::vector<Owner> owners;
  std::vector<uint32_t> required; ///< Stage indexes (`requires`).
  std::vector<Named> records;     ///< Declared records.
  std::vector<Named> forms;       ///< Declared forms.
  std::vector<Named> outcomes;
  std::vector<Named> processes;

  const std::string &str(uint32_t i) const { return strings[i]; }
  /// The procedure called `name`, or None.
  uint32_t findProcedure(std::string_view name) const {
    for (uint32_t i = 0; i < procedures.size(); ++i)
      if (strings[procedures[i].name] == name)
        return i;
    return None;
  }
  /// The stage of `procedure` called `name` (absolute index), or None.
  uint32_t findStage(uint32_t procedure, std::string_view name) const {
    const Procedure &p = procedures[procedure];
    for (uint32_t i = p.firstStage; i < p.firstStage + p.stageCount; ++i)
      if (strings[stages[i].name] == name)
        return i;
    return None;
  }
  bool operator==(const Table &) const = default;
};

} // namespace escalade::table
