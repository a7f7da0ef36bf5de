// Timing.cpp — unit conversions that never understate, and the longest-path
// pass over the route graph's components in topological order.
#include "sema/Timing.h"

#include <fmt/format.h>

#include <algorithm>

namespace escalade::sema {

Metric metricOf(ast::DurationUnit unit) {
  switch (unit) {
  case ast::DurationUnit::CalendarDays:
    return Metric::CalendarDays;
  case ast::DurationUnit::Hours:
    return Metric::Hours;
  default:
    return Metric::WorkingDays;
  }
}

std::optional<uint64_t> upperBound(const ast::Duration &d, Metric metric,
                                   const runtime::WorkingDayCalendar &cal) {
  uint64_t n = d.count;
  auto ceilDays = [](uint64_t hours) { return (hours + 23) / 24; };
  switch (d.unit) {
  case ast::DurationUnit::Vague:
    return std::nullopt;
  case ast::DurationUnit::SameDay:
    return metric == Metric::Hours ? 24 : 0;
  case ast::DurationUnit::WorkingDays:
    switch (metric) {
    case Metric::WorkingDays:
      return n;
    case Metric::CalendarDays:
      return cal.maxCalendarDaysFor(static_cast<uint32_t>(n));
    case Metric::Hours:
      return 24 *
             (uint64_t(cal.maxCalendarDaysFor(static_cast<uint32_t>(n))) + 1);
    }
    break;
  case ast::DurationUnit::CalendarDays:
    return metric == Metric::Hours ? 24 * (n + 1) : n;
  case ast::DurationUnit::Hours:
    return metric == Metric::Hours ? n : ceilDays(n);
  }
  return std::nullopt;
}

std::string formatAmount(uint64_t amount, Metric metric) {
  switch (metric) {
  case Metric::WorkingDays:
    return fmt::format("{} working day{}", amount, amount == 1 ? "" : "s");
  case Metric::CalendarDays:
    return fmt::format("{} calendar day{}", amount, amount == 1 ? "" : "s");
  case Metric::Hours:
    return fmt::format("{} hour{}", amount, amount == 1 ? "" : "s");
  }
  return "";
}

std::string formatDuration(const ast::Duration &d) {
  switch (d.unit) {
  case ast::DurationUnit::SameDay:
    return "the same day";
  case ast::DurationUnit::Vague:
    return "\"" + d.vagueText + "\"";
  default:
    return fmt::format("{} {}", d.count,
                       ast::durationUnitName(d.unit, d.count));
  }
}

TimingAnalysis::TimingAnalysis(const RouteGraph &graph,
                               const runtime::WorkingDayCalendar &calendar)
    : Graph(&graph), Calendar(&calendar), Components(graph.components()) {
  // Tarjan numbers components sinks first: sources first is the reverse.
  Order.resize(graph.nodeCount());
  for (uint32_t n = 0; n < graph.nodeCount(); ++n)
    Order[n] = n;
  std::stable_sort(Order.begin(), Order.end(), [&](uint32_t a, uint32_t b) {
    return Components.of[a] > Components.of[b];
  });
  Position.resize(Order.size());
  ComponentStart.assign(Components.count, 0);
  for (uint32_t i = Order.size(); i-- > 0;) {
    Position[Order[i]] = i;
    ComponentStart[Components.of[Order[i]]] = i;
  }
}

std::optional<uint64_t> TimingAnalysis::duration(uint32_t stage,
                                                 Metric metric) const {
  const StageInfo &info = Graph->model()[stage];
  if (!info.respond || info.respond->anchor)
    return std::nullopt;
  return upperBound(info.respond->limit, metric, *Calendar);
}

bool TimingAnalysis::beginCountsFrom(const Edge &edge) const {
  if (!Graph->isStage(edge.to))
    return false;
  const StageInfo &to = Graph->model()[edge.to];
  if (!to.begin)
    return false;
  if (!to.begin->anchor || to.beginFromPredecessor)
    return true;
  return edge.kind == EdgeKind::Route &&
         to.begin->anchor->point == ast::AnchorPoint::End &&
         Graph->model().stageIndex(to.begin->anchor->stage.text) ==
             static_cast<int32_t>(edge.from);
}

std::optional<uint64_t> TimingAnalysis::gap(const Edge &edge,
                                            Metric metric) const {
  if (!beginCountsFrom(edge))
    return 0;
  return upperBound(Graph->model()[edge.to].begin->limit, metric, *Calendar);
}

TimingPass TimingAnalysis::fromEntries(Metric metric) const {
  std::vector<std::pair<uint32_t, bool>> starts;
  for (uint32_t e : Graph->entries())
    starts.push_back({e, false});
  return run(metric, starts, 0, Graph->nodeCount());
}

TimingPass TimingAnalysis::fromStage(uint32_t anchor, ast::AnchorPoint point,
                                     Metric metric, uint32_t target) const {
  // Nothing before the anchor's component can be reached from it, and
  // nothing after the target matters.
  uint32_t first = ComponentStart[Components.of[anchor]];
  uint32_t last = std::max(Position[target], Position[anchor]) + 1;
  return run(metric, {{anchor, point == ast::AnchorPoint::End}}, first, last);
}

TimingPass
TimingAnalysis::run(Metric metric,
                    const std::vector<std::pair<uint32_t, bool>> &starts,
                    uint32_t first, uint32_t last) const {
  // Extend the slice to whole components.
  while (last < Order.size() &&
         Components.of[Order[last]] == Components.of[Order[last - 1]])
    ++last;
  const uint32_t size = last - first;
  TimingPass p;
  p.Metric_ = metric;
  p.Position = &Position;
  p.First = first;
  p.Size = size;
  p.Reached.assign(size, false);
  p.Enter.assign(size, 0);
  p.Finish.assign(size, 0);
  p.EnterUnknown.assign(size, false);
  p.FinishUnknown.assign(size, false);
  p.UnknownStage.assign(size, -1);
  p.Unbounded.assign(size, false);
  p.Via.assign(size, TimingPass::NoEdge);
  // -1 not a start, 0 timed from its entry, 1 timed from its end.
  std::vector<int8_t> startKind(size, -1);
  for (auto [node, atFinish] : starts)
    startKind[p.at(node)] =
        std::max<int8_t>(startKind[p.at(node)], atFinish ? 1 : 0);

  // Latest arrival into `v` over edges from nodes already settled.
  auto arrive = [&](uint32_t v, bool externalOnly) {
    size_t vi = p.at(v);
    for (uint32_t ei : Graph->predecessors(v)) {
      const Edge &e = Graph->edge(ei);
      if (!p.reached(e.from) ||
          (externalOnly && Components.of[e.from] == Components.of[v]))
        continue;
      size_t ui = p.at(e.from);
      std::optional<uint64_t> g = gap(e, metric);
      uint64_t at = p.Finish[ui] + g.value_or(0);
      bool unknown = p.FinishUnknown[ui] || !g;
      if (!p.Reached[vi] || at > p.Enter[vi]) {
        p.Enter[vi] = at;
        p.Via[vi] = ei;
      }
      p.Reached[vi] = true;
      if (unknown && !p.EnterUnknown[vi]) {
        p.EnterUnknown[vi] = true;
        p.UnknownStage[vi] = g ? p.UnknownStage[ui] : int32_t(v);
      }
      p.Unbounded[vi] = p.Unbounded[vi] || p.Unbounded[ui];
    }
  };
  auto settle = [&](uint32_t v) {
    size_t vi = p.at(v);
    if (startKind[vi] == 1) { // counting starts when this stage ends
      p.Finish[vi] = 0;
      return;
    }
    p.FinishUnknown[vi] = p.EnterUnknown[vi];
    p.Finish[vi] = p.Enter[vi];
    if (!Graph->isStage(v))
      return;
    if (std::optional<uint64_t> d = duration(v, metric)) {
      p.Finish[vi] += *d;
    } else {
      p.FinishUnknown[vi] = true;
      if (p.UnknownStage[vi] < 0)
        p.UnknownStage[vi] = static_cast<int32_t>(v);
    }
  };

  for (uint32_t i = first; i < last;) {
    // The members of one component sit together in Order.
    uint32_t comp = Components.of[Order[i]];
    uint32_t end = i;
    while (end < last && Components.of[Order[end]] == comp)
      ++end;
    bool cyclic = Components.cyclic[comp];
    bool anyReached = false;
    for (uint32_t k = i; k < end; ++k) {
      uint32_t v = Order[k];
      // A start is entered at time 0; routes that also lead to it may
      // arrive later, and the latest arrival is the worst case.
      if (startKind[p.at(v)] >= 0)
        p.Reached[p.at(v)] = true;
      arrive(v, cyclic);
      anyReached |= p.Reached[p.at(v)];
    }
    if (cyclic && anyReached) {
      // A loop: every member is reachable from every other, any number of
      // times, so the time to each is unbounded.
      for (uint32_t k = i; k < end; ++k) {
        p.Reached[p.at(Order[k])] = true;
        p.Unbounded[p.at(Order[k])] = true;
      }
    }
    for (uint32_t k = i; k < end; ++k)
      if (p.Reached[p.at(Order[k])])
        settle(Order[k]);
    i = end;
  }
  return p;
}

std::vector<uint32_t> TimingAnalysis::worstRoute(const TimingPass &pass,
                                                 uint32_t node) const {
  std::vector<uint32_t> route;
  std::vector<bool> seen(Graph->nodeCount(), false);
  for (uint32_t v = node;
       pass.reached(v) && pass.via(v) != TimingPass::NoEdge && !seen[v];
       v = Graph->edge(pass.via(v)).from) {
    seen[v] = true;
    route.push_back(pass.via(v));
  }
  std::reverse(route.begin(), route.end());
  return route;
}

} // namespace escalade::sema
