// Timing.h — worst-case timing of a procedure. The semantics, written out
// in docs/checks.md ("How timing is worked out"):
//
// - A stage is entered, takes up to its `respond within` limit, and the
//   escalation moves on when it ends. A `begin within` adds the time the
//   next stage may wait before it begins (when measured from the stage the
//   escalation came from); otherwise moving on takes no time.
// - Every figure is an upper bound in one metric: working days, calendar
//   days or hours, chosen by the bound being checked. Converting is done
//   so the bound is never understated: N calendar days hold at most N
//   working days; N working days take at most the longest span N working
//   days have taken in the England and Wales calendar; H hours reach at
//   most ceil(H/24) days further; "same day" adds nothing (24 hours).
// - A stage with no timescale, or a vague one, adds an unknown time: the
//   pass counts it as nothing and remembers that it did, so a bound can be
//   found broken ("at least ...") or merely unverifiable.
// - A route that can loop adds unbounded time.
//
// A pass is a longest-path search in topological order: linear in the
// size of the route graph.
#pragma once

#include "calendar/WorkingDayCalendar.h"
#include "sema/RouteGraph.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace escalade::sema {

enum class Metric : uint8_t { WorkingDays, CalendarDays, Hours };

/// The metric a bound written in this unit is checked in.
Metric metricOf(ast::DurationUnit unit);

/// An upper bound on how long `d` can take, in `metric`; nullopt for a vague
/// duration.
std::optional<uint64_t> upperBound(const ast::Duration &d, Metric metric,
                                   const runtime::WorkingDayCalendar &cal);

/// "8 working days", "1 calendar day", "30 hours".
std::string formatAmount(uint64_t amount, Metric metric);
/// "5 working days", "same day", or the quoted words of a vague duration.
std::string formatDuration(const ast::Duration &d);

/// The result of one longest-path pass. A pass covers a slice of the
/// topological order — from the start of the pass to the node asked about —
/// so a bound between neighbouring stages costs little however large the
/// procedure. Ask about nodes by id; a node outside the slice is unreached.
class TimingPass {
public:
  static constexpr uint32_t NoEdge = UINT32_MAX;

  Metric metric() const { return Metric_; }
  bool reached(uint32_t node) const { return in(node) && Reached[at(node)]; }
  /// Latest entry and completion, counting unknown times as nothing.
  uint64_t enter(uint32_t node) const { return Enter[at(node)]; }
  uint64_t finish(uint32_t node) const { return Finish[at(node)]; }
  /// Some route to the node passes a stage whose time is unknown (before
  /// it is entered, or up to its end).
  bool enterUnknown(uint32_t node) const { return EnterUnknown[at(node)]; }
  bool finishUnknown(uint32_t node) const { return FinishUnknown[at(node)]; }
  /// A stage whose unknown time reaches the node, for messages; -1 if none.
  int32_t unknownStage(uint32_t node) const { return UnknownStage[at(node)]; }
  /// Some route to the node can go round a loop.
  bool unbounded(uint32_t node) const { return Unbounded[at(node)]; }
  /// The edge of the latest route into the node, or NoEdge.
  uint32_t via(uint32_t node) const { return Via[at(node)]; }

private:
  friend class TimingAnalysis;
  bool in(uint32_t node) const {
    return (*Position)[node] >= First && (*Position)[node] < First + Size;
  }
  size_t at(uint32_t node) const { return (*Position)[node] - First; }

  Metric Metric_ = Metric::WorkingDays;
  const std::vector<uint32_t> *Position = nullptr;
  uint32_t First = 0, Size = 0;
  std::vector<bool> Reached, EnterUnknown, FinishUnknown, Unbounded;
  std::vector<uint64_t> Enter, Finish;
  std::vector<int32_t> UnknownStage;
  std::vector<uint32_t> Via;
};

class TimingAnalysis {
public:
  TimingAnalysis(const RouteGraph &graph,
                 const runtime::WorkingDayCalendar &calendar);

  /// From the moment an escalation is raised (time 0 at every entry), over
  /// the whole procedure.
  TimingPass fromEntries(Metric metric) const;
  /// From the start, or the end, of stage `anchor`, as far as `target`.
  TimingPass fromStage(uint32_t anchor, ast::AnchorPoint point, Metric metric,
                       uint32_t target) const;

  /// How long a stage takes, in `metric`; nullopt if unknown (no
  /// timescale, a vague one, or one measured from another stage).
  std::optional<uint64_t> duration(uint32_t stage, Metric metric) const;
  /// The wait an edge adds before the stage it leads into; nullopt if
  /// unknown (a vague `begin within`).
  std::optional<uint64_t> gap(const Edge &edge, Metric metric) const;
  /// True when the stage's `begin within` is measured from whatever stage
  /// the edge comes from (so it adds a gap on that edge, not a bound).
  bool beginCountsFrom(const Edge &edge) const;

  /// The edges of the latest route to `node` in `pass`, first to last.
  std::vector<uint32_t> worstRoute(const TimingPass &pass, uint32_t node) const;

  const RouteGraph &graph() const { return *Graph; }
  const RouteGraph::Components &components() const { return Components; }

private:
  TimingPass run(Metric metric,
                 const std::vector<std::pair<uint32_t, bool>> &starts,
                 uint32_t first, uint32_t last) const;

  const RouteGraph *Graph;
  const runtime::WorkingDayCalendar *Calendar;
  RouteGraph::Components Components;
  /// Nodes in topological order (sources first), and each node's place in
  /// it. The members of a component are consecutive.
  std::vector<uint32_t> Order;
  std::vector<uint32_t> Position;
  /// Place in Order of the first member of each component.
  std::vector<uint32_t> ComponentStart;
};

} // namespace escalade::sema
