// Timetable.cpp — a longest-path pass over the stages in topological order
// of the routes that lead forward (back edges of a depth-first search from
// the start are left out, so each loop is followed once).
#include "interp/Timetable.h"

#include "interp/Interpreter.h"

#include <algorithm>

namespace escalade::interp {

using runtime::Instant;
using table::None;

Timetable worstCaseTimetable(const table::Table &t,
                             const runtime::WorkingDayCalendar &calendar,
                             uint32_t procedure, Instant raised,
                             uint32_t from) {
  const table::Procedure &p = t.procedures[procedure];
  // The same rule real cases are held to.
  auto due = [&](Instant from, const table::Timescale &ts) {
    return deadlineFor(from, ts, calendar);
  };
  Timetable out;
  out.procedure = procedure;
  out.raised = raised;
  out.overallBy = due(raised, p.overall);
  uint32_t n = p.stageCount, first = p.firstStage;
  out.stages.resize(n);
  for (uint32_t i = 0; i < n; ++i)
    out.stages[i].stage = first + i;
  uint32_t start = from != None ? from : p.start;
  if (start == None)
    return out;

  // Forward edges: a depth-first search from the start, without recursion.
  std::vector<std::vector<uint32_t>> succ(n);
  for (uint32_t i = 0; i < n; ++i) {
    const table::Stage &s = t.stages[first + i];
    for (uint32_t r = s.firstRoute; r < s.firstRoute + s.routeCount; ++r)
      if (t.routes[r].kind == table::TargetKind::Stage)
        succ[i].push_back(t.routes[r].target - first);
  }
  std::vector<uint8_t> state(n, 0); // 0 new, 1 on the stack, 2 done
  std::vector<uint32_t> order;      // reverse post-order
  std::vector<std::vector<uint32_t>> preds(n);
  std::vector<std::pair<uint32_t, size_t>> stack{{start - first, 0}};
  state[start - first] = 1;
  while (!stack.empty()) {
    auto &[v, next] = stack.back();
    if (next < succ[v].size()) {
      uint32_t w = succ[v][next++];
      if (state[w] == 1)
        continue; // a back edge: the loop is followed once
      preds[w].push_back(v);
      if (state[w] == 0) {
        state[w] = 1;
        stack.push_back({w, 0});
      }
      continue;
    }
    state[v] = 2;
    order.push_back(v);
    stack.pop_back();
  }
  std::reverse(order.begin(), order.end());

  auto anchorTime = [&](const table::Timescale &ts, bool &known) -> Instant {
    const StageTimes &a = out.stages[ts.anchorStage - first];
    if (!a.reached) {
      known = false;
      return Instant{};
    }
    Instant at =
        ts.anchorPoint == table::AnchorPoint::Start ? a.enter : a.finish;
    known = at != Never;
    return at;
  };

  out.latestFinish = raised;
  for (uint32_t v : order) {
    StageTimes &st = out.stages[v];
    const table::Stage &s = t.stages[first + v];
    st.reached = true;
    Instant enter = raised;
    uint32_t unknown = None;
    if (v == start - first && from == None && s.begin.present() &&
        s.begin.anchorStage == None) {
      enter = due(raised, s.begin);
      if (enter == Never)
        unknown = first + v;
    }
    for (uint32_t u : preds[v]) {
      const StageTimes &from = out.stages[u];
      if (from.finish == Never) {
        if (unknown == None)
          unknown = from.unknownFrom;
        continue;
      }
      Instant at = from.finish;
      if (s.begin.present() && s.begin.anchorStage == None) {
        at = due(from.finish, s.begin);
        if (at == Never && unknown == None)
          unknown = first + v;
      }
      if (at != Never)
        enter = std::max(enter, at);
    }
    bool bounded = false;
    if (s.begin.present() && s.begin.anchorStage != None) {
      bool known = true;
      Instant a = anchorTime(s.begin, known);
      if (known && due(a, s.begin) != Never) {
        enter = std::max(enter, due(a, s.begin));
        bounded = true;
      }
    }
    // A stage bound to begin by a date measured from an earlier stage has
    // that date even when the stages between have none.
    if (unknown != None && bounded)
      unknown = None;
    st.unknownFrom = unknown;
    st.enter = unknown == None ? enter : Never;
    if (st.enter == Never) {
      st.finish = Never;
      continue;
    }
    if (!s.respond.present() || s.respond.unit == table::Unit::Words) {
      st.finish = Never;
      st.unknownFrom = first + v;
      continue;
    }
    Instant from = st.enter;
    if (s.respond.anchorStage != None) {
      bool known = true;
      from = anchorTime(s.respond, known);
      if (!known) {
        st.finish = Never;
        st.unknownFrom = first + v;
        continue;
      }
    }
    st.finish = due(from, s.respond);
    out.latestFinish = std::max(out.latestFinish, st.finish);
  }
  for (const StageTimes &st : out.stages)
    if (st.reached && st.finish == Never)
      out.finishKnown = false;
  return out;
}

} // namespace escalade::interp
