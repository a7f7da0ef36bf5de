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
  return run(metric, starts);
}

TimingPass TimingAnalysis::fromStage(uint32_t anchor, ast::AnchorPoint point,
                                     Metric metric) const {
  return run(metric, {{anchor, point == ast::AnchorPoint::End}});
}

TimingPass TimingAnalysis::run(
    Metric metric, const std::vector<std::pair<uint32_t, bool>> &starts) const {
  const uint32_t n = Graph->nodeCount();
  TimingPass p;
  p.metric = metric;
  p.reached.assign(n, false);
  p.enter.assign(n, 0);
  p.finish.assign(n, 0);
  p.enterUnknown.assign(n, false);
  p.finishUnknown.assign(n, false);
  p.unknownStage.assign(n, -1);
  p.unbounded.assign(n, false);
  p.via.assign(n, TimingPass::NoEdge);
  std::vector<int8_t> startKind(n, -1); // -1 no, 0 at entry, 1 at finish
  for (auto [node, atFinish] : starts)
    startKind[node] = std::max<int8_t>(startKind[node], atFinish ? 1 : 0);

  // Latest arrival into `v` over edges from nodes already settled.
  auto arrive = [&](uint32_t v, bool externalOnly) {
    for (uint32_t ei : Graph->predecessors(v)) {
      const Edge &e = Graph->edge(ei);
      if (!p.reached[e.from] ||
          (externalOnly && Components.of[e.from] == Components.of[v]))
        continue;
      std::optional<uint64_t> g = gap(e, metric);
      uint64_t at = p.finish[e.from] + g.value_or(0);
      bool unknown = p.finishUnknown[e.from] || !g;
      if (!p.reached[v] || at > p.enter[v]) {
        p.enter[v] = at;
        p.via[v] = ei;
      }
      p.reached[v] = true;
      if (unknown && !p.enterUnknown[v]) {
        p.enterUnknown[v] = true;
        p.unknownStage[v] = g ? p.unknownStage[e.from] : int32_t(v);
      }
      p.unbounded[v] = p.unbounded[v] || p.unbounded[e.from];
    }
  };
  auto settle = [&](uint32_t v) {
    if (startKind[v] == 1) { // counting starts when this stage ends
      p.finish[v] = 0;
      return;
    }
    p.finishUnknown[v] = p.enterUnknown[v];
    p.finish[v] = p.enter[v];
    if (!Graph->isStage(v))
      return;
    if (std::optional<uint64_t> d = duration(v, metric)) {
      p.finish[v] += *d;
    } else {
      p.finishUnknown[v] = true;
      if (p.unknownStage[v] < 0)
        p.unknownStage[v] = static_cast<int32_t>(v);
    }
  };

  for (size_t i = 0; i < Order.size();) {
    // The members of one component sit together in Order.
    uint32_t comp = Components.of[Order[i]];
    size_t end = i;
    while (end < Order.size() && Components.of[Order[end]] == comp)
      ++end;
    bool cyclic = Components.cyclic[comp];
    bool anyReached = false;
    for (size_t k = i; k < end; ++k) {
      uint32_t v = Order[k];
      // A start is entered at time 0; routes that also lead to it may
      // arrive later, and the latest arrival is the worst case.
      if (startKind[v] >= 0)
        p.reached[v] = true;
      arrive(v, cyclic);
      anyReached |= p.reached[v];
    }
    if (cyclic && anyReached) {
      // A loop: every member is reachable from every other, any number of
      // times, so the time to each is unbounded.
      for (size_t k = i; k < end; ++k) {
        p.reached[Order[k]] = true;
        p.unbounded[Order[k]] = true;
      }
    }
    for (size_t k = i; k < end; ++k)
      if (p.reached[Order[k]])
        settle(Order[k]);
    i = end;
  }
  return p;
}

std::vector<uint32_t> TimingAnalysis::worstRoute(const TimingPass &pass,
                                                 uint32_t node) const {
  std::vector<uint32_t> route;
  std::vector<bool> seen(Graph->nodeCount(), false);
  for (uint32_t v = node; pass.via[v] != TimingPass::NoEdge && !seen[v];
       v = Graph->edge(pass.via[v]).from) {
    seen[v] = true;
    route.push_back(pass.via[v]);
  }
  std::reverse(route.begin(), route.end());
  return route;
}

} // namespace escalade::sema
