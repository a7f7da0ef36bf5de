// Timing.h — worst-case timing of a procedure. The semantics, written out
// in docs/checks.md ("How timing is worked out"):
//
// - A stage is entered, takes up to its `respond within` limit, and the
//   escalation moves on when it ends. A `begin within` adds the time the
//   next stage may wait before it begins (after the stage the escalation
//   came from, or after it was raised for a first stage).
// - A bound is checked in its own metric: working days, calendar days or
//   hours. Each time along a route is held as a range in that metric: the
//   least its worst case can be, and the most it can be. N working days
//   are at least N calendar days and at most the longest span N working
//   days have taken in the England and Wales calendar; N calendar days
//   hold at least the fewest working days any N days have held, and at
//   most N; hours count as whole days gone by.
// - Routes made only of working days are exact: their sum, turned into
//   calendar days once, is what the worst dates make of them. Routes that
//   mix units are known only to lie in their range.
// - A stage with no timescale, or a vague one, adds an unknown time: the
//   pass counts it as nothing and remembers that it did, so a bound can be
//   found broken ("at least ...") or merely unverifiable.
// - A route that can loop adds unbounded time; the pass still follows
//   each loop once, so a bound the loop breaks on its first time round is
//   found broken.
//
// A pass is a longest-path search in topological order: linear in the
// size of the route graph.
#pragma once

#include "calendar/WorkingDayCalendar.h"
#include "sema/RouteGraph.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace escalade::sema {

enum class Metric : uint8_t { WorkingDays, CalendarDays, Hours };

/// The metric a bound written in this unit is checked in.
Metric metricOf(ast::DurationUnit unit);

/// An upper bound on how long `d` can take, in `metric`; nullopt for a vague
/// duration.
std::optional<uint64_t> upperBound(const ast::Duration &d, Metric metric,
                                   const runtime::WorkingDayCalendar &cal);
/// A lower bound on the longest `d` can take, in `metric`, whatever the
/// dates; nullopt for a vague duration.
std::optional<uint64_t> lowerBound(const ast::Duration &d, Metric metric,
                                   const runtime::WorkingDayCalendar &cal);
/// The longest `workingDays` working days can take, in `metric`.
uint64_t workingDaysIn(uint64_t workingDays, Metric metric,
                       const runtime::WorkingDayCalendar &cal);

/// "8 working days", "1 calendar day", "30 hours".
std::string formatAmount(uint64_t amount, Metric metric);
/// "5 working days", "the same day", or the quoted words of a vague
/// duration.
std::string formatDuration(const ast::Duration &d);

/// One time along a route, in a bound's metric.
struct Amount {
  uint64_t low = 0;  ///< The least its longest can be.
  uint64_t high = 0; ///< The most it can be.
  /// Working days, which add up exactly before being converted; zero for
  /// a time that is nothing in every case.
  uint64_t workingDays = 0;
  /// True for working days (or nothing): adding it keeps a route exact.
  bool exact = true;
};
std::optional<Amount> amountOf(const ast::Duration &d, Metric metric,
                               const runtime::WorkingDayCalendar &cal);

/// How long the routes into (or out of) a node can take, in one metric.
struct Reach {
  /// The longest route takes at least this long, on some dates.
  uint64_t low = 0;
  /// The longest of the routes made only of working days, converted:
  /// exactly what the worst dates make of it. -1 when there is none.
  int64_t exact = -1;
  /// The working days of that route, before they were converted.
  int64_t exactWorkingDays = -1;
  /// The most any route mixing units can take. -1 when there is none.
  int64_t mixed = -1;
  uint64_t high() const {
    return static_cast<uint64_t>(std::max<int64_t>({exact, mixed, 0}));
  }
};

/// Which of a node's routes to follow back.
enum class RouteKind : uint8_t { Longest, Exact, Mixed };

/// A bound passed on real dates: found by working out, for every day the
/// calendar covers, the day each route gets to.
struct DateBreach {
  runtime::Day from;     ///< The day counting starts.
  runtime::Day reached;  ///< The day the route gets there.
  runtime::Day deadline; ///< The last day the bound allows.
  uint32_t node = 0;     ///< Where the bound is passed.
  std::vector<uint32_t> route;
};

struct DateSearch {
  enum class Outcome : uint8_t {
    Breach,     ///< Some day passes the bound: see `breach`.
    Kept,       ///< Every day keeps it, every time worked out to the day.
    Inexact,    ///< No day passes it as far as the days can be worked
                ///< out, but a time on the way is unknown or in hours.
    InHours,    ///< Not searched: bounds in hours are not.
    OverBudget, ///< Not searched: the search budget is spent.
  };
  Outcome outcome = Outcome::InHours;
  std::optional<DateBreach> breach; ///< The worst day, for Breach.
};

class TimingPass {
public:
  static constexpr uint32_t NoEdge = UINT32_MAX;

  Metric metric() const { return Metric_; }
  bool reached(uint32_t node) const { return in(node) && Reached[at(node)]; }
  /// Latest entry and completion, counting unknown times as nothing.
  Reach enter(uint32_t node) const;
  Reach finish(uint32_t node) const;
  /// Some route to the node passes a time that is unknown (before it is
  /// entered, or up to its end).
  bool enterUnknown(uint32_t node) const { return EnterUnknown[at(node)]; }
  bool finishUnknown(uint32_t node) const { return FinishUnknown[at(node)]; }
  /// A stage whose unknown time reaches the node, for messages; -1 if none.
  /// `unknownIsWait` says the unknown is how soon that stage must begin,
  /// not how long it takes.
  int32_t unknownStage(uint32_t node) const { return UnknownStage[at(node)]; }
  bool unknownIsWait(uint32_t node) const { return UnknownIsWait[at(node)]; }
  /// Some route to the node can go round a loop.
  bool unbounded(uint32_t node) const { return Unbounded[at(node)]; }
  /// For an entry of a pass from the entries whose `begin within` counts
  /// from the raising of the escalation: that wait, in the pass's metric.
  std::optional<Amount> entryWait(uint32_t node) const;

private:
  friend class TimingAnalysis;
  /// Times in the pass's metric, with working days kept apart until the
  /// route mixes units (see Reach).
  struct State {
    uint64_t low = 0;
    int64_t workingDays = 0; ///< -1 once the route mixes units.
    int64_t mixed = -1;
  };
  /// The edges each kind of route came in by, and for a mixed route
  /// whether it was exact before the last time was added.
  struct Vias {
    uint32_t longest = NoEdge, exact = NoEdge, mixed = NoEdge;
    bool enterMixedFromExact = false, finishMixedFromExact = false;
  };
  Reach reach(const State &s) const;
  static void add(State &s, const Amount &a, Metric metric,
                  const runtime::WorkingDayCalendar &cal, bool &fromExact);

  bool in(uint32_t node) const {
    return (*Position)[node] >= First && (*Position)[node] < First + Size;
  }
  size_t at(uint32_t node) const { return (*Position)[node] - First; }

  Metric Metric_ = Metric::WorkingDays;
  const std::vector<uint32_t> *Position = nullptr;
  uint32_t First = 0, Size = 0;
  /// The stage a pass from a stage starts at; -1 for a pass from the
  /// entries.
  int64_t Origin = -1;
  const runtime::WorkingDayCalendar *Calendar = nullptr;
  std::vector<bool> Reached, EnterUnknown, FinishUnknown, Unbounded,
      UnknownIsWait, EntryWaitUnknown;
  std::vector<State> Enter, Finish;
  std::vector<int32_t> UnknownStage;
  std::vector<Vias> Via;
  std::vector<std::optional<Amount>> EntryWait;
  /// -1 not a start, 0 timed from its entry, 1 timed from its end.
  std::vector<int8_t> StartKind;
};

class TimingAnalysis {
public:
  /// `budget` is the work left for searches by date, shared by every
  /// procedure of a run (see searchDates); null gives this analysis its
  /// own.
  TimingAnalysis(const RouteGraph &graph,
                 const runtime::WorkingDayCalendar &calendar,
                 uint64_t *budget = nullptr);

  /// From the moment an escalation is raised (time 0 at every entry), over
  /// the whole procedure.
  TimingPass fromEntries(Metric metric) const;
  /// From the start, or the end, of stage `anchor`, as far as `target`.
  /// The target's own `begin within` is left out when it is the bound
  /// being checked (`beginIsBound`): it would make the target wait until
  /// the very limit it is held against.
  TimingPass fromStage(uint32_t anchor, ast::AnchorPoint point, Metric metric,
                       uint32_t target, bool beginIsBound = false) const;

  /// How long a stage takes, in `metric`; nullopt if unknown (no
  /// timescale, a vague one, or one measured from another stage).
  std::optional<Amount> duration(uint32_t stage, Metric metric) const;
  /// The wait an edge adds before the stage it leads into; nullopt if
  /// unknown (a vague `begin within`).
  std::optional<Amount> gap(const Edge &edge, Metric metric) const;
  /// True when the stage's `begin within` is measured from whatever stage
  /// the edge comes from (so it adds a gap on that edge, not a bound).
  bool beginCountsFrom(const Edge &edge) const;
  /// True when a first stage's `begin within` counts from the moment the
  /// escalation is raised.
  bool beginCountsFromRaising(uint32_t stage) const;

  /// A `begin within L from start of X` (or `from end of X`) lets its
  /// stage begin as late as L after X starts (or ends), whatever lies
  /// between: the timing passes follow it as a route of its own from X, a
  /// "wait edge" numbered after the route graph's edges. Edge indices in
  /// worstRoute and DateBreach::route may be either kind.
  const Edge &edge(uint32_t index) const;
  /// The `begin within` a wait edge stands for; null for a route edge.
  const ast::Timescale *waitOf(uint32_t index) const;

  /// Works the dates out day by day, for every start day in the years the
  /// calendar covers whose routes end inside them (as maxCalendarDaysFor
  /// does): the day each of `nodes` is entered (or, with `toFinish`,
  /// finished) against the last day `bound` allows. Bounds in hours are
  /// not searched, nor is anything once the budget is spent.
  DateSearch searchDates(const TimingPass &pass,
                         const std::vector<uint32_t> &nodes, bool toFinish,
                         const ast::Duration &bound) const;

  /// The edges of the latest route of `kind` to `node` in `pass`, first
  /// to last: the route into the node, or with `toFinish` the route to its
  /// end (which differs for a mixed route that the node's own timescale
  /// made mixed).
  std::vector<uint32_t> worstRoute(const TimingPass &pass, uint32_t node,
                                   RouteKind kind = RouteKind::Longest,
                                   bool toFinish = false) const;

  const RouteGraph &graph() const { return *Graph; }
  const RouteGraph::Components &components() const { return Components; }

private:
  struct Start {
    uint32_t node;
    bool atFinish; ///< Timed from the end of the node, not its entry.
    std::optional<Amount> wait; ///< Time before it begins, if any.
    bool waitUnknown = false;   ///< A vague wait before it begins.
  };
  TimingPass run(Metric metric, const std::vector<Start> &starts,
                 uint32_t first, uint32_t last, int64_t origin,
                 int64_t noWaitsInto = -1) const;
  /// True when some route leads from `from` to `to` (cached per `from`).
  bool reaches(uint32_t from, uint32_t to) const;
  /// True when the start (or end) of `node` falls on a working day however
  /// the escalation went: it follows a time in working days.
  bool alwaysOnWorkingDay(uint32_t node, bool atStart) const;

  const RouteGraph *Graph;
  const runtime::WorkingDayCalendar *Calendar;
  /// Work left for date searches: each costs its days times its slice, so
  /// that many mixed-unit bounds cannot make a check slow. Past it, bounds
  /// stay unverifiable.
  uint64_t OwnBudget = 100'000'000;
  uint64_t *Budget;
  RouteGraph::Components Components;
  /// Nodes in topological order (sources first), and each node's place in
  /// it. The members of a component are consecutive.
  std::vector<uint32_t> Order;
  std::vector<uint32_t> Position;
  /// Place in Order of the first member of each component.
  std::vector<uint32_t> ComponentStart;
  /// Wait edges (see edge()), with the `begin within` each stands for, and
  /// those into each node.
  std::vector<Edge> WaitEdges;
  std::vector<const ast::Timescale *> WaitClause;
  std::vector<std::vector<uint32_t>> WaitsInto;
  mutable std::unordered_map<uint32_t, std::vector<bool>> ReachCache;
  mutable std::vector<int8_t> WorkingDayMemo;
};

} // namespace escalade::sema
