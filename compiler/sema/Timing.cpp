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

std::optional<uint64_t> lowerBound(const ast::Duration &d, Metric metric,
                                   const runtime::WorkingDayCalendar &cal) {
  uint64_t n = d.count;
  auto fewestWorkingDays = [&](uint64_t days) -> uint64_t {
    return cal.minWorkingDaysIn(
        static_cast<uint32_t>(std::min<uint64_t>(days, UINT32_MAX)));
  };
  switch (d.unit) {
  case ast::DurationUnit::Vague:
    return std::nullopt;
  case ast::DurationUnit::SameDay:
    return 0;
  case ast::DurationUnit::WorkingDays:
    return metric == Metric::Hours ? 24 * n : n;
  case ast::DurationUnit::CalendarDays:
    switch (metric) {
    case Metric::WorkingDays:
      return fewestWorkingDays(n);
    case Metric::CalendarDays:
      return n;
    case Metric::Hours:
      return 24 * n;
    }
    break;
  case ast::DurationUnit::Hours:
    switch (metric) {
    case Metric::WorkingDays:
      return fewestWorkingDays(n / 24);
    case Metric::CalendarDays:
      return n / 24;
    case Metric::Hours:
      return n;
    }
    break;
  }
  return std::nullopt;
}

uint64_t workingDaysIn(uint64_t workingDays, Metric metric,
                       const runtime::WorkingDayCalendar &cal) {
  if (workingDays == 0 || metric == Metric::WorkingDays)
    return workingDays;
  uint64_t days = cal.maxCalendarDaysFor(
      static_cast<uint32_t>(std::min<uint64_t>(workingDays, UINT32_MAX)));
  return metric == Metric::Hours ? 24 * (days + 1) : days;
}

std::optional<Amount> amountOf(const ast::Duration &d, Metric metric,
                               const runtime::WorkingDayCalendar &cal) {
  std::optional<uint64_t> low = lowerBound(d, metric, cal);
  std::optional<uint64_t> high = upperBound(d, metric, cal);
  if (!low || !high)
    return std::nullopt;
  Amount a;
  a.low = *low;
  a.high = *high;
  if (d.unit == ast::DurationUnit::WorkingDays)
    a.workingDays = d.count;
  else
    a.exact = a.high == 0;
  return a;
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
                               const runtime::WorkingDayCalendar &calendar,
                               uint64_t *budget)
    : Graph(&graph), Calendar(&calendar), Budget(budget ? budget : &OwnBudget),
      Components(graph.components()) {
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

  // Wait edges: a `begin within ... from start of X` or `from end of X`
  // from every X that some route leads on to the stage.
  const ProcedureModel &m = graph.model();
  WaitsInto.resize(graph.nodeCount());
  for (uint32_t s = 0; s < m.size(); ++s) {
    const StageInfo &info = m[s];
    if (!info.begin || !info.begin->anchor || info.beginFromPredecessor)
      continue;
    std::optional<int32_t> x = m.stageIndex(info.begin->anchor->stage.text);
    if (!x || static_cast<uint32_t>(*x) == s ||
        !reaches(static_cast<uint32_t>(*x), s))
      continue;
    WaitsInto[s].push_back(graph.edgeCount() +
                           static_cast<uint32_t>(WaitEdges.size()));
    WaitEdges.push_back({static_cast<uint32_t>(*x), s, EdgeKind::Wait});
    WaitClause.push_back(info.begin);
  }
}

bool TimingAnalysis::reaches(uint32_t from, uint32_t to) const {
  auto it = ReachCache.find(from);
  if (it == ReachCache.end())
    it = ReachCache
             .emplace(from,
                      Graph->reachable(std::span<const uint32_t>(&from, 1)))
             .first;
  return it->second[to];
}

const Edge &TimingAnalysis::edge(uint32_t index) const {
  return index < Graph->edgeCount() ? Graph->edge(index)
                                    : WaitEdges[index - Graph->edgeCount()];
}

const ast::Timescale *TimingAnalysis::waitOf(uint32_t index) const {
  return index < Graph->edgeCount() ? nullptr
                                    : WaitClause[index - Graph->edgeCount()];
}

std::optional<Amount> TimingAnalysis::duration(uint32_t stage,
                                               Metric metric) const {
  const StageInfo &info = Graph->model()[stage];
  if (!info.respond || info.respond->anchor)
    return std::nullopt;
  return amountOf(info.respond->limit, metric, *Calendar);
}

bool TimingAnalysis::beginCountsFrom(const Edge &edge) const {
  if (edge.kind == EdgeKind::Wait)
    return true;
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

bool TimingAnalysis::beginCountsFromRaising(uint32_t stage) const {
  if (!Graph->isStage(stage))
    return false;
  const StageInfo &info = Graph->model()[stage];
  return info.begin && !info.begin->anchor;
}

std::optional<Amount> TimingAnalysis::gap(const Edge &edge,
                                          Metric metric) const {
  if (!beginCountsFrom(edge))
    return Amount{};
  return amountOf(Graph->model()[edge.to].begin->limit, metric, *Calendar);
}

Reach TimingPass::reach(const State &s) const {
  Reach r;
  r.low = s.low;
  r.exactWorkingDays = s.workingDays;
  if (s.workingDays >= 0)
    r.exact = static_cast<int64_t>(workingDaysIn(
        static_cast<uint64_t>(s.workingDays), Metric_, *Calendar));
  r.mixed = s.mixed;
  return r;
}

Reach TimingPass::enter(uint32_t node) const { return reach(Enter[at(node)]); }
Reach TimingPass::finish(uint32_t node) const {
  return reach(Finish[at(node)]);
}
std::optional<Amount> TimingPass::entryWait(uint32_t node) const {
  return in(node) ? EntryWait[at(node)] : std::nullopt;
}

TimingPass TimingAnalysis::fromEntries(Metric metric) const {
  std::vector<Start> starts;
  for (uint32_t e : Graph->entries()) {
    Start s{e, false, std::nullopt};
    if (beginCountsFromRaising(e)) {
      s.wait = amountOf(Graph->model()[e].begin->limit, metric, *Calendar);
      s.waitUnknown = !s.wait;
    }
    starts.push_back(s);
  }
  return run(metric, starts, 0, Graph->nodeCount(), -1);
}

TimingPass TimingAnalysis::fromStage(uint32_t anchor, ast::AnchorPoint point,
                                     Metric metric, uint32_t target,
                                     bool beginIsBound) const {
  // Nothing before the anchor's component can be reached from it, and
  // nothing after the target matters.
  uint32_t first = ComponentStart[Components.of[anchor]];
  uint32_t last = std::max(Position[target], Position[anchor]) + 1;
  return run(metric, {{anchor, point == ast::AnchorPoint::End, std::nullopt}},
             first, last, anchor, beginIsBound ? int64_t(target) : -1);
}

/// Adds one time to a route's state. `fromExact` is set when the route
/// became mixed here and the exact route it was is the longer way in.
void TimingPass::add(State &s, const Amount &a, Metric metric,
                     const runtime::WorkingDayCalendar &cal, bool &fromExact) {
  s.low += a.low;
  fromExact = false;
  if (a.exact) {
    if (s.workingDays >= 0)
      s.workingDays += static_cast<int64_t>(a.workingDays);
    if (s.mixed >= 0)
      s.mixed += static_cast<int64_t>(a.high);
    return;
  }
  int64_t viaMixed = s.mixed >= 0 ? s.mixed + static_cast<int64_t>(a.high) : -1;
  int64_t viaExact =
      s.workingDays >= 0
          ? static_cast<int64_t>(
                workingDaysIn(static_cast<uint64_t>(s.workingDays), metric,
                              cal) +
                a.high)
          : -1;
  fromExact = viaExact > viaMixed;
  s.mixed = std::max(viaMixed, viaExact);
  s.workingDays = -1;
}

TimingPass TimingAnalysis::run(Metric metric, const std::vector<Start> &starts,
                               uint32_t first, uint32_t last, int64_t origin,
                               int64_t noWaitsInto) const {
  // Extend the slice to whole components.
  while (last < Order.size() &&
         Components.of[Order[last]] == Components.of[Order[last - 1]])
    ++last;
  const uint32_t size = last - first;
  TimingPass p;
  p.Metric_ = metric;
  p.Position = &Position;
  p.Calendar = Calendar;
  p.First = first;
  p.Size = size;
  p.Origin = origin;
  p.Reached.assign(size, false);
  p.Enter.assign(size, {});
  p.Finish.assign(size, {});
  p.EnterUnknown.assign(size, false);
  p.FinishUnknown.assign(size, false);
  p.UnknownStage.assign(size, -1);
  p.UnknownIsWait.assign(size, false);
  p.Unbounded.assign(size, false);
  p.Via.assign(size, {});
  p.EntryWait.assign(size, std::nullopt);
  p.EntryWaitUnknown.assign(size, false);
  std::vector<int8_t> &startKind = p.StartKind;
  startKind.assign(size, -1);
  for (const Start &s : starts) {
    size_t i = p.at(s.node);
    startKind[i] = std::max<int8_t>(startKind[i], s.atFinish ? 1 : 0);
    p.Reached[i] = true;
    if (s.wait && !p.EntryWait[i]) {
      bool ignored;
      TimingPass::add(p.Enter[i], *s.wait, metric, *Calendar, ignored);
      p.EntryWait[i] = s.wait;
    }
    if (s.waitUnknown && !p.EnterUnknown[i]) {
      p.EnterUnknown[i] = p.EntryWaitUnknown[i] = true;
      p.UnknownStage[i] = static_cast<int32_t>(s.node);
      p.UnknownIsWait[i] = true;
    }
  }

  // A route into `v` by edge `ei` from a state `base` (with what is known
  // of it), if it is later than those seen so far.
  auto offer = [&](uint32_t v, uint32_t ei, TimingPass::State at,
                   bool fromExact, bool unknown, int32_t unknownStage,
                   bool unknownIsWait, bool unbounded) {
    size_t vi = p.at(v);
    TimingPass::State &to = p.Enter[vi];
    TimingPass::Vias &via = p.Via[vi];
    bool first = !p.Reached[vi];
    if (first || at.low > to.low) {
      to.low = at.low;
      via.longest = ei;
    }
    if (first || at.workingDays > to.workingDays) {
      to.workingDays = at.workingDays;
      via.exact = at.workingDays >= 0 ? ei : TimingPass::NoEdge;
    }
    if (at.mixed > to.mixed) {
      to.mixed = at.mixed;
      via.mixed = ei;
      via.enterMixedFromExact = fromExact;
    }
    p.Reached[vi] = true;
    if (unknown && !p.EnterUnknown[vi]) {
      p.EnterUnknown[vi] = true;
      p.UnknownStage[vi] = unknownStage;
      p.UnknownIsWait[vi] = unknownIsWait;
    }
    p.Unbounded[vi] = p.Unbounded[vi] || unbounded;
  };
  // A route over edge `ei` (a route edge or a wait edge) from a node
  // already settled.
  auto arriveBy = [&](uint32_t ei) {
    const Edge &e = edge(ei);
    size_t ui = p.at(e.from);
    const ast::Timescale *wait = waitOf(ei);
    TimingPass::State at =
        wait && wait->anchor->point == ast::AnchorPoint::Start ? p.Enter[ui]
                                                               : p.Finish[ui];
    bool baseUnknown = wait && wait->anchor->point == ast::AnchorPoint::Start
                           ? p.EnterUnknown[ui]
                           : p.FinishUnknown[ui];
    std::optional<Amount> g = gap(e, metric);
    bool fromExact = false;
    if (g)
      TimingPass::add(at, *g, metric, *Calendar, fromExact);
    offer(e.to, ei, at, fromExact, baseUnknown || !g,
          g ? p.UnknownStage[ui] : int32_t(e.to),
          g ? bool(p.UnknownIsWait[ui]) : true, p.Unbounded[ui]);
  };
  // A wait measured from a stage before where this pass starts: the stage
  // may begin as late as L after the pass's start, or not wait at all.
  auto waitFromBefore = [&](uint32_t ei) {
    const Edge &e = edge(ei);
    if (origin < 0 || !reaches(e.from, static_cast<uint32_t>(origin)))
      return;
    std::optional<Amount> g =
        amountOf(WaitClause[ei - Graph->edgeCount()]->limit, metric, *Calendar);
    TimingPass::State at;
    bool fromExact = false;
    if (g)
      TimingPass::add(at, Amount{0, g->high, 0, g->high == 0}, metric,
                      *Calendar, fromExact);
    offer(e.to, ei, at, fromExact, !g, int32_t(e.to), true, false);
  };
  auto settle = [&](uint32_t v) {
    size_t vi = p.at(v);
    if (startKind[vi] == 1) { // counting starts when this stage ends
      p.Finish[vi] = {};
      return;
    }
    p.FinishUnknown[vi] = p.EnterUnknown[vi];
    p.Finish[vi] = p.Enter[vi];
    if (!Graph->isStage(v))
      return;
    if (std::optional<Amount> d = duration(v, metric)) {
      bool fromExact = false;
      TimingPass::add(p.Finish[vi], *d, metric, *Calendar, fromExact);
      p.Via[vi].finishMixedFromExact = fromExact;
    } else {
      p.FinishUnknown[vi] = true;
      if (p.UnknownStage[vi] < 0) {
        p.UnknownStage[vi] = static_cast<int32_t>(v);
        p.UnknownIsWait[vi] = false;
      }
    }
  };
  // Routes and waits into `v` from earlier components; with `internal`,
  // those from members of its own component that `rank` puts before it.
  std::vector<uint32_t> rank(size, UINT32_MAX);
  auto arrivals = [&](uint32_t v, bool internal) {
    uint32_t comp = Components.of[v];
    auto usable = [&](uint32_t from) {
      if (!p.reached(from))
        return false;
      if (Components.of[from] != comp)
        return !internal;
      return internal && rank[p.at(from)] < rank[p.at(v)];
    };
    for (uint32_t ei : Graph->predecessors(v))
      if (usable(Graph->edge(ei).from))
        arriveBy(ei);
    if (static_cast<int64_t>(v) == noWaitsInto)
      return;
    for (uint32_t ei : WaitsInto[v]) {
      uint32_t from = edge(ei).from;
      if (usable(from))
        arriveBy(ei);
      else if (!internal && !p.in(from) && startKind[p.at(v)] < 0)
        waitFromBefore(ei);
    }
  };

  std::vector<uint32_t> preorder, stack;
  for (uint32_t i = first; i < last;) {
    // The members of one component sit together in Order.
    uint32_t comp = Components.of[Order[i]];
    uint32_t end = i;
    while (end < last && Components.of[Order[end]] == comp)
      ++end;
    if (!Components.cyclic[comp]) {
      uint32_t v = Order[i];
      arrivals(v, false);
      if (p.Reached[p.at(v)])
        settle(v);
      i = end;
      continue;
    }
    // A loop: every member can be reached from every other any number of
    // times, so the time to each is unbounded. Each is still followed once,
    // along the edges that go forward in a depth-first order from where the
    // loop is entered, so that what one time round costs is known.
    preorder.clear();
    for (uint32_t k = i; k < end; ++k)
      arrivals(Order[k], false);
    for (uint32_t k = i; k < end; ++k) {
      uint32_t root = Order[k];
      if (!p.Reached[p.at(root)] || rank[p.at(root)] != UINT32_MAX)
        continue;
      stack.assign(1, root);
      while (!stack.empty()) {
        uint32_t v = stack.back();
        stack.pop_back();
        if (rank[p.at(v)] != UINT32_MAX)
          continue;
        rank[p.at(v)] = static_cast<uint32_t>(preorder.size());
        preorder.push_back(v);
        std::span<const Edge> out = Graph->successors(v);
        for (size_t j = out.size(); j-- > 0;) {
          uint32_t w = out[j].to;
          if (Components.of[w] == comp && rank[p.at(w)] == UINT32_MAX)
            stack.push_back(w);
        }
      }
    }
    for (uint32_t v : preorder) {
      arrivals(v, true);
      p.Reached[p.at(v)] = true;
      p.Unbounded[p.at(v)] = true;
      settle(v);
    }
    i = end;
  }
  return p;
}

std::vector<uint32_t> TimingAnalysis::worstRoute(const TimingPass &pass,
                                                 uint32_t node, RouteKind kind,
                                                 bool toFinish) const {
  std::vector<uint32_t> route;
  if (toFinish && kind == RouteKind::Mixed && pass.reached(node) &&
      pass.Via[pass.at(node)].finishMixedFromExact)
    kind = RouteKind::Exact;
  std::vector<bool> seen(pass.Size, false);
  // `kind` is the kind of route into `v`; walking back over an edge, the
  // route out of its source is exact or mixed as the flags say.
  for (uint32_t v = node; pass.reached(v) && !seen[pass.at(v)];) {
    seen[pass.at(v)] = true;
    const TimingPass::Vias &via = pass.Via[pass.at(v)];
    uint32_t ei = kind == RouteKind::Longest ? via.longest
                  : kind == RouteKind::Exact ? via.exact
                                             : via.mixed;
    if (ei == TimingPass::NoEdge)
      break;
    route.push_back(ei);
    uint32_t u = edge(ei).from;
    if (!pass.in(u))
      break; // a wait from before the pass started
    const ast::Timescale *wait = waitOf(ei);
    bool fromStart = wait && wait->anchor->point == ast::AnchorPoint::Start;
    if (kind == RouteKind::Mixed && via.enterMixedFromExact)
      kind = RouteKind::Exact;
    else if (kind == RouteKind::Mixed && !fromStart &&
             pass.Via[pass.at(u)].finishMixedFromExact)
      kind = RouteKind::Exact;
    v = u;
  }
  std::reverse(route.begin(), route.end());
  return route;
}

} // namespace escalade::sema
