// CaseReport.cpp — deadlines and outstanding items worked out from a case.
#include "interp/CaseReport.h"

#include "interp/Describe.h"

namespace escalade::interp {

using runtime::Instant;

CaseReport reportCase(const Interpreter &in, const Case &c, Instant asOf) {
  const table::Table &t = in.table();
  CaseReport r;
  r.c = &c;
  r.asOf = asOf;
  auto judge = [&](Deadline d) {
    Instant end = d.met != Never ? d.met : asOf;
    if (end > d.due) {
      d.breached = true;
      d.workingDaysLate = runtime::workingDaysLate(d.due, end, in.calendar());
      r.breaches.push_back(d);
    } else if (d.met == Never) {
      r.due.push_back(d);
    }
  };

  for (size_t i = 0; i < c.visits.size(); ++i) {
    const Visit &v = c.visits[i];
    const table::Stage &s = t.stages[v.stage];
    // The move into a stage: met when it was made.
    if (v.beginBy != Never && i > 0)
      judge({DeadlineKind::Begin, v.stage, &s.begin, v.beginBy, v.entered});
    if (v.respondBy != Never)
      judge({DeadlineKind::Respond, v.stage, &s.respond, v.respondBy, v.left});
  }
  if (c.open()) {
    // If the current stage does not resolve it: when each next stage
    // would be due to begin.
    const Visit &v = c.current();
    const table::Stage &s = t.stages[v.stage];
    for (uint32_t i = s.firstRoute; i < s.firstRoute + s.routeCount; ++i) {
      const table::Route &route = t.routes[i];
      if (route.trigger != table::Trigger::Unresolved ||
          route.kind != table::TargetKind::Stage || !in.holds(c, route.guard))
        continue;
      Instant due = in.beginDue(c, route.target);
      if (due != Never)
        judge({DeadlineKind::Next, route.target, &t.stages[route.target].begin,
               due, Never});
    }
  }
  if (c.overallBy != Never)
    judge({DeadlineKind::Overall, c.current().stage,
           &t.procedures[c.procedure].overall, c.overallBy, c.closed});

  if (c.open()) {
    const Visit &v = c.current();
    const table::Stage &s = t.stages[v.stage];
    uint32_t n = in.items(v.stage).size();
    for (uint32_t i = 0; i < n; ++i)
      if (!in.itemDone(c, v, i) && in.itemApplies(c, v.stage, i))
        r.outstanding.push_back(
            {v.stage, i, itemText(t, s, i), itemCondition(t, s, i)});
  }
  for (const Missed &m : c.missed) {
    uint32_t stage = c.visits[m.visit].stage;
    const table::Stage &s = t.stages[stage];
    r.missed.push_back(
        {stage, m.item, itemText(t, s, m.item), itemCondition(t, s, m.item)});
  }
  return r;
}

} // namespace escalade::interp
