// Interpreter.h — runs a compiled procedure over case events: where each
// case is, what it has done, and what it was due to do. A rejected event
// leaves its case as it was; the case goes on with the next event.
//
// The meaning of the events and of every due date is in docs/escrun.md.
#pragma once

#include "calendar/Deadlines.h"
#include "interp/Event.h"
#include "table/Table.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace escalade::interp {

/// The recipient an `informed` event names for `inform all parties`.
constexpr std::string_view AllParties = "all";

/// No such moment: a deadline that does not apply, a stage not yet left.
constexpr runtime::Instant Never = runtime::Instant::max();

/// The deadline `t` sets counted from `from`; Never if it sets none (no
/// timescale, or one in words). The one rule, for cases and timetables.
runtime::Instant deadlineFor(runtime::Instant from, const table::Timescale &t,
                             const runtime::WorkingDayCalendar &calendar);

/// One stay of a case at one stage.
struct Visit {
  uint32_t stage = 0; ///< Absolute stage index.
  runtime::Instant entered{};
  runtime::Instant left = Never;
  runtime::Instant beginBy = Never; ///< When the move into it was due.
  runtime::Instant respondBy = Never;
  uint32_t doneOffset = 0; ///< First word of its done-bits in Case::done.
};

/// A notification, record or form a stage asked for and the case left
/// without: item i of the stage of visit v.
struct Missed {
  uint32_t visit = 0;
  uint32_t item = 0;
};

enum class Closure : uint8_t {
  Open,
  Outcome,   ///< `target` is an outcome index.
  Resolved,  ///< Resolved where the procedure names no outcome.
  Process,   ///< Handed to another process.
  Procedure, ///< Handed to another procedure (`targetStage` maybe).
};

struct Case {
  std::string ref;
  uint32_t procedure = 0;
  runtime::Instant raised{};
  runtime::Instant last{}; ///< The latest event accepted.
  runtime::Instant overallBy = Never;
  std::vector<uint64_t> facts; ///< Bit i: fact firstFact + i.
  std::vector<Visit> visits;
  std::vector<uint64_t> done; ///< Items done, per visit (see doneOffset).
  std::vector<Missed> missed;
  Closure closure = Closure::Open;
  uint32_t target = 0, targetStage = table::None;
  runtime::Instant closed = Never;
  uint64_t firstLine = 0;
  /// Procedures (name string indexes) the case was handed on from, oldest
  /// first: `when unresolved -> suffolk.five` continues it under `suffolk`.
  std::vector<uint32_t> handedFrom;

  bool open() const { return closure == Closure::Open; }
  const Visit &current() const { return visits.back(); }
};

/// The items a stage asks for, in one numbering: its notifications, then
/// its records, then its forms.
struct StageItems {
  uint32_t notifications = 0, records = 0, forms = 0;
  uint32_t size() const { return notifications + records + forms; }
};

class Interpreter {
public:
  Interpreter(const table::Table &table,
              const runtime::WorkingDayCalendar &calendar);

  /// Applies one event. False (with `error` a sentence naming what is
  /// wrong) if the procedure does not allow it; the case is then unchanged.
  bool apply(const Event &event, std::string &error);

  /// Cases in the order they were raised.
  const std::vector<Case> &cases() const { return Cases; }
  const table::Table &table() const { return T; }
  const runtime::WorkingDayCalendar &calendar() const { return Cal; }

  bool fact(const Case &c, uint32_t fact) const;
  bool holds(const Case &c, const table::Condition &cond) const;
  StageItems items(uint32_t stage) const;
  bool itemDone(const Case &c, const Visit &v, uint32_t item) const;
  /// True if the stage asks for item `item` given the case's facts now.
  bool itemApplies(const Case &c, uint32_t stage, uint32_t item) const;
  runtime::Instant due(runtime::Instant from, const table::Timescale &t) const {
    return deadlineFor(from, t, Cal);
  }
  /// When stage `stage` is due to be entered, for case `c` moving into it
  /// now from its current stage (or at the start, when it has none).
  runtime::Instant beginDue(const Case &c, uint32_t stage) const;

private:
  bool raise(const Event &e, std::string &error);
  bool move(Case &c, const Event &e, uint32_t stage, std::string &error);
  /// Whether `stage`'s `requires` is met by the case's history.
  bool requirementsMet(const Case &c, uint32_t stage, std::string &error) const;
  /// Continues the case under another procedure of the table.
  bool handOver(Case &c, const Event &e, const table::Route &r,
                std::string &error);
  bool follow(Case &c, const Event &e, table::Trigger trigger,
              std::string_view wanted, std::string &error);
  void enter(Case &c, uint32_t stage, runtime::Instant at);
  void leave(Case &c, runtime::Instant at);
  bool markDone(Case &c, const Event &e, std::string &error);
  uint32_t lookup(std::string_view name, uint32_t first, uint32_t count,
                  const std::vector<table::Named> &in) const;
  uint32_t partyByName(uint32_t procedure, std::string_view name) const;
  std::string stageName(uint32_t stage) const;

  const table::Table &T;
  const runtime::WorkingDayCalendar &Cal;
  std::vector<Case> Cases;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ByRef;
  /// Scratch for evaluating conditions: as deep as the deepest needs.
  mutable std::vector<uint8_t> Stack;
};

} // namespace escalade::interp
