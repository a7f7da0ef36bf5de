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

std::optional<Amount> TimingAnalysis::duration(uint32_t stage,
                                               Metric metric) const {
  const StageInfo &info = Graph->model()[stage];
  if (!info.respond || info.respond->anchor)
    return std::nullopt;
  return amountOf(info.respond->limit, metric, *Calendar);
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
  return run(metric, starts, 0, Graph->nodeCount());
}

TimingPass TimingAnalysis::fromStage(uint32_t anchor, ast::AnchorPoint point,
                                     Metric metric, uint32_t target) const {
  // Nothing before the anchor's component can be reached from it, and
  // nothing after the target matters.
  uint32_t first = ComponentStart[Components.of[anchor]];
  uint32_t last = std::max(Position[target], Position[anchor]) + 1;
  return run(metric, {{anchor, point == ast::AnchorPoint::End, std::nullopt}},
             first, last);
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
                               uint32_t first, uint32_t last) const {
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
  p.Reached.assign(size, false);
  p.Enter.assign(size, {});
  p.Finish.assign(size, {});
  p.EnterUnknown.assign(size, false);
  p.FinishUnknown.assign(size, false);
  p.UnknownStage.assign(size, -1);
  p.Unbounded.assign(size, false);
  p.Via.assign(size, {});
  p.EntryWait.assign(size, std::nullopt);
  std::vector<int8_t> &startKind = p.StartKind;
  startKind.assign(size, -1);
  for (const Start &s : starts) {
    size_t i = p.at(s.node);
    startKind[i] = std::max<int8_t>(startKind[i], s.atFinish ? 1 : 0);
    p.Reached[i] = true;
    if (s.wait) {
      bool ignored;
      TimingPass::add(p.Enter[i], *s.wait, metric, *Calendar, ignored);
      p.EntryWait[i] = s.wait;
    }
    if (s.waitUnknown) {
      p.EnterUnknown[i] = true;
      p.UnknownStage[i] = static_cast<int32_t>(s.node);
    }
  }

  // A route over `ei` into `v`, if it is later than those seen so far.
  auto arriveBy = [&](uint32_t ei) {
    const Edge &e = Graph->edge(ei);
    size_t vi = p.at(e.to), ui = p.at(e.from);
    std::optional<Amount> g = gap(e, metric);
    TimingPass::State at = p.Finish[ui];
    bool fromExact = false;
    if (g)
      TimingPass::add(at, *g, metric, *Calendar, fromExact);
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
    bool unknown = p.FinishUnknown[ui] || !g;
    if (unknown && !p.EnterUnknown[vi]) {
      p.EnterUnknown[vi] = true;
      p.UnknownStage[vi] = g ? p.UnknownStage[ui] : int32_t(e.to);
    }
    p.Unbounded[vi] = p.Unbounded[vi] || p.Unbounded[ui];
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
      if (p.UnknownStage[vi] < 0)
        p.UnknownStage[vi] = static_cast<int32_t>(v);
    }
  };
  // Routes into `v` from earlier components; a start a route also leads
  // to is entered at the latest of the two.
  auto fromOutside = [&](uint32_t v, uint32_t comp) {
    for (uint32_t ei : Graph->predecessors(v)) {
      const Edge &e = Graph->edge(ei);
      if (p.reached(e.from) && Components.of[e.from] != comp)
        arriveBy(ei);
    }
  };

  std::vector<uint32_t> preorder, stack;
  std::vector<uint32_t> rank(Graph->nodeCount(), UINT32_MAX);
  for (uint32_t i = first; i < last;) {
    // The members of one component sit together in Order.
    uint32_t comp = Components.of[Order[i]];
    uint32_t end = i;
    while (end < last && Components.of[Order[end]] == comp)
      ++end;
    if (!Components.cyclic[comp]) {
      uint32_t v = Order[i];
      fromOutside(v, comp);
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
      fromOutside(Order[k], comp);
    for (uint32_t k = i; k < end; ++k) {
      uint32_t root = Order[k];
      if (!p.Reached[p.at(root)] || rank[root] != UINT32_MAX)
        continue;
      stack.assign(1, root);
      while (!stack.empty()) {
        uint32_t v = stack.back();
        stack.pop_back();
        if (rank[v] != UINT32_MAX)
          continue;
        rank[v] = static_cast<uint32_t>(preorder.size());
        preorder.push_back(v);
        std::span<const Edge> out = Graph->successors(v);
        for (size_t j = out.size(); j-- > 0;) {
          uint32_t w = out[j].to;
          if (Components.of[w] == comp && rank[w] == UINT32_MAX)
            stack.push_back(w);
        }
      }
    }
    for (uint32_t v : preorder) {
      for (uint32_t ei : Graph->predecessors(v)) {
        const Edge &e = Graph->edge(ei);
        if (Components.of[e.from] == comp && rank[e.from] < rank[v])
          arriveBy(ei);
      }
      p.Reached[p.at(v)] = true;
      p.Unbounded[p.at(v)] = true;
      settle(v);
    }
    for (uint32_t v : preorder)
      rank[v] = UINT32_MAX;
    i = end;
  }
  return p;
}

DateSearch TimingAnalysis::searchDates(const TimingPass &pass,
                                       const std::vector<uint32_t> &nodes,
                                       bool toFinish,
                                       const ast::Duration &bound) const {
  using namespace std::chrono;
  using runtime::Day;
  DateSearch result;
  Metric metric = metricOf(bound.unit);
  if (metric == Metric::Hours || bound.unit == ast::DurationUnit::Vague)
    return result;
  const uint32_t first = pass.First, size = pass.Size;
  size_t edges = 0;
  for (uint32_t i = first; i < first + size; ++i)
    edges += Graph->predecessors(Order[i]).size();
  Day firstDay = sys_days{year{Calendar->firstYear()} / January / 1};
  Day lastDay = sys_days{year{Calendar->lastYear()} / December / 31};
  const uint64_t dayCount = uint64_t((lastDay - firstDay).count()) + 1;
  const uint64_t work = dayCount * (size + edges);
  if (work > DateSearchBudget)
    return result;
  DateSearchBudget -= work;

  // Day arithmetic for one time; `exact` turns false where the day can
  // only be bounded from below (hours that are not whole days, unknowns).
  bool exact = true;
  auto after = [&](Day d, const ast::Duration &t) -> Day {
    switch (t.unit) {
    case ast::DurationUnit::WorkingDays:
      return Calendar->addWorkingDays(d, t.count);
    case ast::DurationUnit::CalendarDays:
      return d + days{t.count};
    case ast::DurationUnit::Hours:
      exact &= t.count % 24 == 0;
      return d + days{t.count / 24};
    case ast::DurationUnit::SameDay:
      return d;
    case ast::DurationUnit::Vague:
      exact = false;
      return d;
    }
    return d;
  };
  auto deadline = [&](Day d) {
    switch (bound.unit) {
    case ast::DurationUnit::WorkingDays:
      return Calendar->addWorkingDays(d, bound.count);
    case ast::DurationUnit::CalendarDays:
      return d + days{bound.count};
    default:
      return d;
    }
  };

  // What each day's pass needs, worked out once: for every node of the
  // slice the routes in from earlier components with their waits, and the
  // stage's own time. Loops are not followed: a bound a loop reaches is
  // unbounded and never searched.
  struct In {
    uint32_t from;             ///< Slice index of the source.
    uint32_t edge;             ///< Edge index, for the route followed back.
    const ast::Duration *wait; ///< Null when none.
  };
  std::vector<std::vector<In>> ins(size);
  std::vector<const ast::Duration *> own(size, nullptr),
      entryWait(size, nullptr);
  for (uint32_t k = first; k < first + size; ++k) {
    uint32_t v = Order[k];
    size_t vi = k - first;
    if (!pass.Reached[vi])
      continue;
    for (uint32_t ei : Graph->predecessors(v)) {
      const Edge &e = Graph->edge(ei);
      if (!pass.in(e.from) || Components.of[e.from] == Components.of[v])
        continue;
      ins[vi].push_back(
          {static_cast<uint32_t>(pass.at(e.from)), ei,
           beginCountsFrom(e) ? &Graph->model()[v].begin->limit : nullptr});
    }
    if (pass.EntryWait[vi])
      entryWait[vi] = &Graph->model()[v].begin->limit;
    if (Graph->isStage(v)) {
      const StageInfo &info = Graph->model()[v];
      if (info.respond && !info.respond->anchor)
        own[vi] = &info.respond->limit;
      else if (pass.StartKind[vi] != 1)
        exact = false;
    }
  }

  std::vector<Day> enter(size), finish(size);
  std::vector<bool> reached(size);
  std::vector<uint32_t> via(size), bestVia;
  int64_t bestOver = 0;
  for (Day start = firstDay; start <= lastDay; start += days{1}) {
    std::fill(reached.begin(), reached.end(), false);
    std::fill(via.begin(), via.end(), TimingPass::NoEdge);
    for (size_t vi = 0; vi < size; ++vi) {
      if (!pass.Reached[vi])
        continue;
      if (pass.StartKind[vi] >= 0) {
        reached[vi] = true;
        enter[vi] = entryWait[vi] ? after(start, *entryWait[vi]) : start;
      }
      for (const In &in : ins[vi]) {
        if (!reached[in.from])
          continue;
        Day at = in.wait ? after(finish[in.from], *in.wait) : finish[in.from];
        if (!reached[vi] || at > enter[vi]) {
          enter[vi] = at;
          via[vi] = in.edge;
        }
        reached[vi] = true;
      }
      if (!reached[vi])
        continue;
      if (pass.StartKind[vi] == 1)
        finish[vi] = start;
      else
        finish[vi] = own[vi] ? after(enter[vi], *own[vi]) : enter[vi];
    }
    Day last = deadline(start);
    for (uint32_t n : nodes) {
      if (!pass.in(n) || !reached[pass.at(n)])
        continue;
      Day got = toFinish ? finish[pass.at(n)] : enter[pass.at(n)];
      int64_t over = (got - last).count();
      if (over > bestOver) {
        bestOver = over;
        result.breach = DateBreach{start, got, last, n, {}};
        bestVia = via;
      }
    }
  }
  if (result.breach) {
    // The route to the breach on its day, followed back.
    DateBreach &b = *result.breach;
    std::vector<bool> seen(size, false);
    for (uint32_t v = b.node; pass.in(v) && !seen[pass.at(v)];) {
      seen[pass.at(v)] = true;
      uint32_t ei = bestVia[pass.at(v)];
      if (ei == TimingPass::NoEdge)
        break;
      b.route.push_back(ei);
      v = Graph->edge(ei).from;
    }
    std::reverse(b.route.begin(), b.route.end());
  }
  result.complete = exact;
  return result;
}

std::vector<uint32_t> TimingAnalysis::worstRoute(const TimingPass &pass,
                                                 uint32_t node, RouteKind kind,
                                                 bool toFinish) const {
  std::vector<uint32_t> route;
  if (toFinish && kind == RouteKind::Mixed && pass.reached(node) &&
      pass.Via[pass.at(node)].finishMixedFromExact)
    kind = RouteKind::Exact;
  std::vector<bool> seen(Graph->nodeCount(), false);
  // `kind` is the kind of route into `v`; walking back over an edge, the
  // route out of its source is exact or mixed as the flags say.
  for (uint32_t v = node; pass.reached(v) && !seen[v];) {
    seen[v] = true;
    const TimingPass::Vias &via = pass.Via[pass.at(v)];
    uint32_t ei = kind == RouteKind::Longest ? via.longest
                  : kind == RouteKind::Exact ? via.exact
                                             : via.mixed;
    if (ei == TimingPass::NoEdge)
      break;
    route.push_back(ei);
    uint32_t u = Graph->edge(ei).from;
    if (kind == RouteKind::Mixed && via.enterMixedFromExact)
      kind = RouteKind::Exact;
    else if (kind == RouteKind::Mixed &&
             pass.Via[pass.at(u)].finishMixedFromExact)
      kind = RouteKind::Exact;
    v = u;
  }
  std::reverse(route.begin(), route.end());
  return route;
}

} // namespace escalade::sema
