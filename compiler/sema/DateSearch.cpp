// DateSearch.cpp — settling a bound by the calendar: for every day an
// escalation could start on, the day each route gets to, against the last
// day the bound allows. Used where units mix and the range of the timing
// pass leaves the answer open.
#include "sema/Timing.h"

#include <algorithm>

namespace escalade::sema {

using namespace std::chrono;
using runtime::Day;

namespace {

/// The day `t` after `d` ends on, in whole days: exact for working and
/// calendar days and the same day, and for hours in whole days; other
/// hours are rounded down (and marked inexact by the caller).
Day after(const runtime::WorkingDayCalendar &cal, Day d,
          const ast::Duration &t) {
  switch (t.unit) {
  case ast::DurationUnit::WorkingDays:
    return cal.addWorkingDays(d, t.count);
  case ast::DurationUnit::CalendarDays:
    return d + days{t.count};
  case ast::DurationUnit::Hours:
    return d + days{t.count / 24};
  case ast::DurationUnit::SameDay:
  case ast::DurationUnit::Vague:
    return d;
  }
  return d;
}

/// True when `t` after any day always ends on a working day.
bool endsOnWorkingDay(const ast::Duration &t) {
  return t.unit == ast::DurationUnit::WorkingDays && t.count > 0;
}

bool exactInDays(const ast::Duration &t) {
  return t.unit != ast::DurationUnit::Vague &&
         (t.unit != ast::DurationUnit::Hours || t.count % 24 == 0);
}

} // namespace

bool TimingAnalysis::alwaysOnWorkingDay(uint32_t node, bool atStart) const {
  // Worked out once for every node, sources first: a start follows the
  // ends (and waits) of the ways in, an end follows the start and the
  // stage's own time. Loops, and the raising of an escalation, may fall on
  // any day.
  if (WorkingDayMemo.empty()) {
    const uint32_t n = Graph->nodeCount();
    WorkingDayMemo.assign(2 * n, 0);
    const std::vector<uint32_t> &entries = Graph->entries();
    for (uint32_t v : Order) {
      if (Components.cyclic[Components.of[v]])
        continue;
      const StageInfo *info = Graph->isStage(v) ? &Graph->model()[v] : nullptr;
      bool start;
      if (std::find(entries.begin(), entries.end(), v) != entries.end()) {
        start = info && beginCountsFromRaising(v) &&
                endsOnWorkingDay(info->begin->limit);
      } else {
        start = !Graph->predecessors(v).empty();
        auto way = [&](uint32_t ei) {
          const Edge &e = edge(ei);
          if (beginCountsFrom(e)) {
            const ast::Duration &wait = Graph->model()[e.to].begin->limit;
            if (endsOnWorkingDay(wait))
              return true;
            if (wait.unit != ast::DurationUnit::SameDay)
              return false; // a wait in other days may end on any day
          }
          const ast::Timescale *w = waitOf(ei);
          bool fromStart = w && w->anchor->point == ast::AnchorPoint::Start;
          return WorkingDayMemo[2 * e.from + (fromStart ? 0 : 1)] == 1;
        };
        for (uint32_t ei : Graph->predecessors(v))
          start = start && way(ei);
        for (uint32_t ei : WaitsInto[v])
          start = start && way(ei);
      }
      bool end;
      if (info && info->respond && !info->respond->anchor &&
          endsOnWorkingDay(info->respond->limit))
        end = true;
      else
        end = start && (!info || (info->respond && !info->respond->anchor &&
                                  info->respond->limit.unit ==
                                      ast::DurationUnit::SameDay));
      WorkingDayMemo[2 * v] = start;
      WorkingDayMemo[2 * v + 1] = end;
    }
  }
  return WorkingDayMemo[2 * node + (atStart ? 0 : 1)] == 1;
}

DateSearch TimingAnalysis::searchDates(const TimingPass &pass,
                                       const std::vector<uint32_t> &nodes,
                                       bool toFinish,
                                       const ast::Duration &bound) const {
  DateSearch result;
  if (metricOf(bound.unit) == Metric::Hours ||
      bound.unit == ast::DurationUnit::Vague)
    return result; // InHours

  // What each day's sweep needs, worked out once, in the pass's order: for
  // every reached node the ways in from earlier components (routes, and
  // waits from the start or end of a stage) and the stage's own time; and
  // whether each node's day is exact, which depends only on the times on
  // the routes into it. Loops are not followed: a bound a loop reaches is
  // unbounded and never searched.
  struct In {
    uint32_t from;             ///< Place of the source in the slice.
    uint32_t edge;             ///< Edge index, for the route followed back.
    bool fromStart;            ///< From the source's start, not its end.
    const ast::Duration *wait; ///< Null when none.
  };
  const uint32_t size = pass.Size;
  std::vector<std::vector<In>> ins(size);
  std::vector<const ast::Duration *> own(size, nullptr),
      entryWait(size, nullptr);
  std::vector<bool> enterExact(size, true), finishExact(size, true);
  size_t work = 0;
  for (uint32_t vi = 0; vi < size; ++vi) {
    uint32_t v = Order[pass.First + vi];
    if (!pass.Reached[vi])
      continue;
    bool exact = !pass.EntryWaitUnknown[vi];
    auto addIn = [&](uint32_t ei) {
      const Edge &e = edge(ei);
      if (!pass.in(e.from)) {
        // A route from before the pass's start does not pass it; a wait
        // measured from a stage before it is a time not known here.
        if (waitOf(ei) && pass.Origin >= 0 && pass.StartKind[vi] < 0 &&
            reaches(e.from, static_cast<uint32_t>(pass.Origin)))
          exact = false;
        return;
      }
      size_t ui = pass.at(e.from);
      if (!pass.Reached[ui] || Components.of[e.from] == Components.of[v])
        return;
      const ast::Timescale *w = waitOf(ei);
      bool fromStart = w && w->anchor->point == ast::AnchorPoint::Start;
      const ast::Duration *gap =
          beginCountsFrom(e) ? &Graph->model()[v].begin->limit : nullptr;
      exact = exact && (fromStart ? enterExact[ui] : finishExact[ui]) &&
              (!gap || exactInDays(*gap));
      ins[vi].push_back({static_cast<uint32_t>(ui), ei, fromStart, gap});
    };
    for (uint32_t ei : Graph->predecessors(v))
      addIn(ei);
    for (uint32_t ei : WaitsInto[v])
      addIn(ei);
    work += ins[vi].size() + 1;
    if (pass.EntryWait[vi])
      entryWait[vi] = &Graph->model()[v].begin->limit;
    enterExact[vi] = exact;
    if (Graph->isStage(v) && pass.StartKind[vi] != 1) {
      const StageInfo &info = Graph->model()[v];
      if (info.respond && !info.respond->anchor)
        own[vi] = &info.respond->limit;
      exact = exact && own[vi] && exactInDays(*own[vi]);
    }
    finishExact[vi] = exact;
  }
  bool allExact = true;
  for (uint32_t n : nodes)
    if (pass.reached(n))
      allExact = allExact &&
                 (toFinish ? finishExact[pass.at(n)] : enterExact[pass.at(n)]);

  Day firstDay = sys_days{year{Calendar->firstYear()} / January / 1};
  Day lastDay = sys_days{year{Calendar->lastYear()} / December / 31};
  const uint64_t cost = uint64_t((lastDay - firstDay).count() + 1) * work;
  if (cost > *Budget) {
    result.outcome = DateSearch::Outcome::OverBudget;
    return result;
  }
  *Budget -= cost;

  auto deadline = [&](Day d) {
    return bound.unit == ast::DurationUnit::WorkingDays
               ? Calendar->addWorkingDays(d, bound.count)
           : bound.unit == ast::DurationUnit::CalendarDays
               ? d + days{bound.count}
               : d;
  };
  std::vector<Day> enter(size), finish(size);
  std::vector<bool> reached(size);
  std::vector<uint32_t> via(size), bestVia;
  int64_t bestOver = 0;
  bool searchedAny = false;
  // A pass from a stage whose start (or end) always falls on a working
  // day starts only on working days: a breach found from a Saturday would
  // be one that cannot happen.
  const bool workingDaysOnly =
      pass.Origin >= 0 &&
      alwaysOnWorkingDay(static_cast<uint32_t>(pass.Origin),
                         pass.StartKind[pass.at(uint32_t(pass.Origin))] != 1);
  for (Day start = firstDay; start <= lastDay; start += days{1}) {
    if (workingDaysOnly && !Calendar->isWorkingDay(start))
      continue;
    std::fill(via.begin(), via.end(), TimingPass::NoEdge);
    std::fill(reached.begin(), reached.end(), false);
    for (size_t vi = 0; vi < size; ++vi) {
      if (!pass.Reached[vi])
        continue;
      if (pass.StartKind[vi] >= 0) {
        reached[vi] = true;
        enter[vi] =
            entryWait[vi] ? after(*Calendar, start, *entryWait[vi]) : start;
      }
      for (const In &in : ins[vi]) {
        if (!reached[in.from])
          continue;
        Day base = in.fromStart ? enter[in.from] : finish[in.from];
        Day at = in.wait ? after(*Calendar, base, *in.wait) : base;
        if (!reached[vi] || at > enter[vi]) {
          enter[vi] = at;
          via[vi] = in.edge;
        }
        reached[vi] = true;
      }
      // Reached only round a loop: not followed (see above).
      if (!reached[vi])
        continue;
      if (pass.StartKind[vi] == 1)
        finish[vi] = start;
      else
        finish[vi] =
            own[vi] ? after(*Calendar, enter[vi], *own[vi]) : enter[vi];
    }
    // Start days whose routes run past the calendar's last year are not
    // searched: beyond it only weekends are known. Later starts run
    // further still. (The routes to the nodes held against the bound are
    // what count: a day on one is never later than the node's.)
    Day last = deadline(start);
    bool beyond = last > lastDay;
    for (uint32_t n : nodes)
      if (pass.reached(n) && reached[pass.at(n)])
        beyond |= (toFinish ? finish[pass.at(n)] : enter[pass.at(n)]) > lastDay;
    if (beyond)
      break;
    searchedAny = true;
    for (uint32_t n : nodes) {
      if (!pass.reached(n) || !reached[pass.at(n)])
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
      v = edge(ei).from;
    }
    std::reverse(b.route.begin(), b.route.end());
    result.outcome = DateSearch::Outcome::Breach;
  } else {
    result.outcome = allExact && searchedAny ? DateSearch::Outcome::Kept
                                             : DateSearch::Outcome::Inexact;
  }
  return result;
}

} // namespace escalade::sema
