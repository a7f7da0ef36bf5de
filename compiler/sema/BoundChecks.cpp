// BoundChecks.cpp — holding every bound a procedure sets (`overall within`,
// and a stage's timescale measured from another stage) against the routes
// it covers, and writing out the evidence: timescale-bound-exceeded and
// unverifiable-bound. The semantics are in docs/checks.md, "How timing is
// worked out".
#include "sema/Checks.h"

#include "calendar/DateFormat.h"

#include <fmt/format.h>

#include <functional>

namespace escalade::sema {

using diag::DiagKind;

namespace {

/// A bound the procedure sets, to be held against its routes.
struct Bound {
  const ast::Timescale *timescale;
  std::string description; ///< "stage `five` must begin within 5 ..."
  uint32_t stage = 0;      ///< The stage bounded (unused when overall).
  bool overall = false;
  bool onCompletion = false; ///< Bounds the end of `stage`, not its start.
  /// Where findings go: the bound's own line, or the `timescale same as`
  /// line of the stage that borrowed it (so an `allow` there applies).
  ast::SourceRange at;
  int32_t borrowedFrom = -1;
};

/// How a time in another unit was counted, for a note: nothing when the
/// units agree.
std::string counted(const ast::Duration &d, const Amount &a, Metric metric,
                    RouteKind kind) {
  bool sameUnit =
      d.unit != ast::DurationUnit::SameDay && metricOf(d.unit) == metric;
  if (sameUnit || kind == RouteKind::Exact || (a.low == 0 && a.high == 0))
    return "";
  if (kind == RouteKind::Longest)
    return fmt::format(", counted as {} at the least",
                       formatAmount(a.low, metric));
  return fmt::format(", counted as up to {}", formatAmount(a.high, metric));
}

/// "`one` → `two` → … → `five`": the stages along a route; a wait edge,
/// which stands for whatever lies between its ends, shows as "…".
std::string describe(const CheckContext &ctx,
                     const std::vector<uint32_t> &route, uint32_t node) {
  const ProcedureModel &m = ctx.model;
  const RouteGraph &g = ctx.graph;
  std::vector<std::string> parts;
  auto add = [&](uint32_t n) {
    if (g.isStage(n))
      parts.push_back("`" + m[n].name() + "`");
  };
  if (route.empty()) {
    add(node);
    return joinRoute(parts);
  }
  add(ctx.timing.edge(route.front()).from);
  for (uint32_t ei : route) {
    const Edge &e = ctx.timing.edge(ei);
    // A wait from a stage that does not lead straight on to its stage
    // stands for the stages between.
    if (ctx.timing.waitOf(ei)) {
      bool straight = false;
      for (uint32_t pi : g.predecessors(e.to))
        straight |= g.edge(pi).from == e.from;
      if (!straight)
        parts.push_back("…");
    }
    add(e.to);
  }
  return joinRoute(parts);
}

/// Routes longer than this are explained by their first and last stages.
constexpr size_t MaxRouteNotes = 12;

/// Writes the evidence for a route: what each stage on it adds, and each
/// wait before a stage begins. `route` ends at `node`; `includeLast` adds
/// the node's own time; `skipFirst` leaves out the time of the stage the
/// route starts at (a bound from its end).
void explainRoute(diag::DiagnosticBuilder &b, const CheckContext &ctx,
                  Metric metric, const TimingPass &pass,
                  const std::vector<uint32_t> &route, uint32_t node,
                  RouteKind kind, bool includeLast, bool skipFirst) {
  const ProcedureModel &m = ctx.model;
  const RouteGraph &g = ctx.graph;
  // Each part of the route is written only if it is shown: on a long route
  // most are not.
  using Note = std::pair<ast::SourceRange, std::string>;
  std::vector<std::function<Note()>> notes;
  auto stageText = [&](uint32_t s) -> Note {
    const StageInfo &info = m[s];
    std::optional<Amount> d = ctx.timing.duration(s, metric);
    if (!d) {
      return Note(
          {info.stage->name.range,
           info.respond && info.respond->anchor
               ? fmt::format("`{}` is timed from another stage, so the time "
                             "it takes is counted here as nothing",
                             info.name())
               : fmt::format("`{}` has no timescale in numbers, so the time "
                             "it takes is counted here as nothing",
                             info.name())});
    }
    std::string how = info.respondSource == TimescaleSource::SameAs
                          ? fmt::format(" (the timescale of `{}`)",
                                        m[info.respondFrom].name())
                      : info.respondSource == TimescaleSource::EveryStage
                          ? " (the timescale under `every stage`)"
                          : "";
    const ast::Duration &limit = info.respond->limit;
    return Note(
        {info.respond->range,
         limit.unit == ast::DurationUnit::SameDay
             ? fmt::format("`{}` is to be done the same day{}{}", info.name(),
                           how, counted(limit, *d, metric, kind))
             : fmt::format("`{}` takes up to {}{}{}", info.name(),
                           formatDuration(limit), how,
                           counted(limit, *d, metric, kind))});
  };
  auto stageNote = [&](uint32_t s) {
    notes.push_back([&stageText, s] { return stageText(s); });
  };
  auto waitText = [&](uint32_t s, const Amount &wait,
                      const std::string &after) -> Note {
    const StageInfo &to = m[s];
    // A borrowed `begin within` is shown at the `timescale same as` line
    // that borrows it.
    bool borrowed = to.beginFrom >= 0;
    const ast::Duration &limit = to.begin->limit;
    std::string sameAs = borrowed ? fmt::format(" (the same timescale as `{}`)",
                                                m[to.beginFrom].name())
                                  : "";
    return Note(
        {borrowed ? to.stage->body.sameTimescaleAs->range : to.begin->range,
         limit.unit == ast::DurationUnit::SameDay
             ? fmt::format("`{}` is to begin the same day, {}{}{}", to.name(),
                           after, sameAs, counted(limit, wait, metric, kind))
             : fmt::format("`{}` may begin up to {} {}{}{}", to.name(),
                           formatDuration(limit), after, sameAs,
                           counted(limit, wait, metric, kind))});
  };
  // A wait before `s`, counted from the raising (`from` < 0), from the
  // end of the stage before, or from the start or end of stage `from`.
  auto waitNote = [&](uint32_t s, Amount wait, int64_t from, bool fromStart) {
    notes.push_back([&, s, wait, from, fromStart] {
      std::string after = from < 0 ? "after the escalation is raised"
                          : !g.isStage(static_cast<uint32_t>(from))
                              ? "after the stage before it ends"
                          : fromStart
                              ? fmt::format("after `{}` starts", m[from].name())
                              : fmt::format("after `{}` ends", m[from].name());
      return waitText(s, wait, after);
    });
  };

  uint32_t start = route.empty() ? node : ctx.timing.edge(route.front()).from;
  if (std::optional<Amount> wait = pass.entryWait(start))
    waitNote(start, *wait, -1, false);
  bool first = true;
  for (uint32_t ei : route) {
    const Edge &e = ctx.timing.edge(ei);
    const ast::Timescale *wait = ctx.timing.waitOf(ei);
    bool fromStart = wait && wait->anchor->point == ast::AnchorPoint::Start;
    if (g.isStage(e.from) && !(first && skipFirst) && !fromStart)
      stageNote(e.from);
    first = false;
    if (!g.isStage(e.to) || !ctx.timing.beginCountsFrom(e))
      continue;
    std::optional<Amount> gap = ctx.timing.gap(e, metric);
    if (!gap || gap->high == 0)
      continue;
    waitNote(e.to, *gap, e.from, fromStart);
  }
  if (includeLast && g.isStage(node))
    stageNote(node);

  // A long route: its first and last stages, and how many between.
  if (notes.size() > MaxRouteNotes) {
    size_t keep = MaxRouteNotes / 2;
    size_t left = notes.size() - 2 * keep;
    notes.erase(notes.begin() + keep, notes.end() - keep);
    notes.insert(notes.begin() + keep, [left] {
      return Note({}, fmt::format("... {} more part{} of the route ...", left,
                                  left == 1 ? "" : "s"));
    });
  }
  for (auto &write : notes) {
    auto [range, text] = write();
    b.note(range, std::move(text));
  }
}

/// A stage of a loop on the way to `node` in `pass`: the loop can be named.
int32_t loopOnTheWay(const CheckContext &ctx, const TimingPass &pass,
                     uint32_t node, bool overall) {
  const RouteGraph::Components &comps = ctx.timing.components();
  std::vector<bool> seen(ctx.graph.nodeCount(), false);
  std::vector<uint32_t> stack;
  if (overall) {
    for (uint32_t s = 0; s < ctx.model.size(); ++s)
      if (pass.reached(s))
        stack.push_back(s);
  } else {
    stack.push_back(node);
  }
  while (!stack.empty()) {
    uint32_t v = stack.back();
    stack.pop_back();
    if (seen[v] || !pass.reached(v))
      continue;
    seen[v] = true;
    if (comps.cyclic[comps.of[v]] && ctx.graph.isStage(v))
      return static_cast<int32_t>(v);
    for (uint32_t ei : ctx.graph.predecessors(v))
      stack.push_back(ctx.graph.edge(ei).from);
  }
  return -1;
}

/// "`three` and `four`": the stages of the loop `member` is in.
std::string loopStages(const CheckContext &ctx, uint32_t member) {
  const RouteGraph::Components &comps = ctx.timing.components();
  std::vector<std::string> names;
  for (uint32_t s = 0; s < ctx.model.size(); ++s)
    if (comps.of[s] == comps.of[member])
      names.push_back("`" + ctx.model[s].name() + "`");
  if (names.size() == 1)
    return names[0] + " can start again";
  std::string out = "through ";
  size_t shown = std::min<size_t>(names.size(), 4);
  for (size_t i = 0; i < shown; ++i)
    out +=
        (i ? (i + 1 == shown && shown == names.size() ? " and " : ", ") : "") +
        names[i];
  if (shown < names.size())
    out += fmt::format(" and {} more", names.size() - shown);
  return out;
}

void checkBound(const CheckContext &ctx, const Bound &bound, int64_t anchor,
                ast::AnchorPoint point) {
  // Explaining a route costs as much as finding it: nothing to do when
  // both findings are turned off.
  if (ctx.diags.effectiveSeverity(DiagKind::TimescaleBoundExceeded) ==
          diag::Severity::Ignored &&
      ctx.diags.effectiveSeverity(DiagKind::UnverifiableBound) ==
          diag::Severity::Ignored)
    return;
  const ProcedureModel &m = ctx.model;
  const ast::Duration &limit = bound.timescale->limit;
  Metric metric = metricOf(limit.unit);
  // The most the bound allows, in its own unit ("the same day": nothing
  // past the day).
  uint64_t allowed =
      limit.unit == ast::DurationUnit::SameDay ? 0 : uint64_t(limit.count);
  TimingPass pass =
      anchor < 0
          ? ctx.timing.fromEntries(metric)
          : ctx.timing.fromStage(static_cast<uint32_t>(anchor), point, metric,
                                 bound.stage, !bound.onCompletion);

  // The worst found, and the node where each kind of route is longest.
  Reach worst;
  uint32_t longestAt = bound.stage, exactAt = bound.stage,
           mixedAt = bound.stage;
  bool unknown = false, unbounded = false;
  int32_t culprit = -1;
  bool culpritIsWait = false;
  if (bound.overall) {
    bool any = false;
    for (uint32_t s = 0; s < m.size(); ++s) {
      if (!pass.reached(s))
        continue;
      Reach r = pass.finish(s);
      if (!any || r.low > worst.low) {
        worst.low = r.low;
        longestAt = s;
      }
      if (r.exact > worst.exact) {
        worst.exact = r.exact;
        worst.exactWorkingDays = r.exactWorkingDays;
        exactAt = s;
      }
      if (r.mixed > worst.mixed) {
        worst.mixed = r.mixed;
        mixedAt = s;
      }
      any = true;
      if (pass.finishUnknown(s) && culprit < 0) {
        culprit = pass.unknownStage(s);
        culpritIsWait = pass.unknownIsWait(s);
      }
      unknown |= pass.finishUnknown(s);
      unbounded |= pass.unbounded(s);
    }
    if (!any)
      return;
  } else {
    if (!pass.reached(bound.stage)) {
      auto b = ctx.diags.report(
          DiagKind::UnverifiableBound, bound.at,
          fmt::format("{}, but no route to `{}` passes `{}`, so the bound "
                      "never applies",
                      bound.description, m[bound.stage].name(),
                      bound.timescale->anchor->stage.text));
      if (bound.borrowedFrom >= 0)
        b.note(bound.timescale->range,
               fmt::format("`{}` has the same timescale as `{}`, which sets "
                           "this bound",
                           m[bound.stage].name(),
                           m[bound.borrowedFrom].name()));
      b.note("measure it from a stage that comes before this one");
      return;
    }
    // A stage must at least be entered before it can be finished, so both
    // kinds of bound are held against the time it is entered.
    worst = pass.enter(bound.stage);
    unknown = pass.enterUnknown(bound.stage);
    unbounded = pass.unbounded(bound.stage);
    culprit = pass.unknownStage(bound.stage);
    culpritIsWait = pass.unknownIsWait(bound.stage);
  }
  const bool skipFirst = point == ast::AnchorPoint::End && anchor >= 0;
  auto takes = [&](const std::string &via, const std::string &amount,
                   bool worstDates) {
    std::string when = worstDates ? "on the worst dates " : "";
    if (bound.overall)
      return fmt::format("{}the route {} can take {}", when, via, amount);
    if (bound.onCompletion)
      return fmt::format("{}by the route {} the stage cannot even begin "
                         "until {} have passed",
                         when, via, amount);
    return fmt::format("{}the route {} reaches it only after {}", when, via,
                       amount);
  };
  auto report = [&](DiagKind kind, std::string message) {
    auto b = ctx.diags.report(kind, bound.at, std::move(message));
    if (bound.borrowedFrom >= 0)
      b.note(bound.timescale->range,
             fmt::format("`{}` has the same timescale as `{}`, which sets "
                         "this bound",
                         m[bound.stage].name(), m[bound.borrowedFrom].name()));
    return b;
  };
  auto explain = [&](diag::DiagnosticBuilder &b,
                     const std::vector<uint32_t> &route, uint32_t node,
                     RouteKind kind) {
    explainRoute(b, ctx, metric, pass, route, node, kind, bound.overall,
                 skipFirst);
  };
  const std::string maybeMore =
      unknown && unbounded
          ? "; stages without a timescale in numbers may add to it, and a "
            "route that goes round a loop may take longer still"
      : unknown   ? "; stages without a timescale in numbers may add to it"
      : unbounded ? "; a route that goes round a loop may take longer still"
                  : "";

  // A time not given in numbers on the way: named, with what is known.
  auto reportUnknown = [&](std::string total) {
    const std::string name = culprit >= 0 ? m[culprit].name() : "?";
    bool timedElsewhere = culprit >= 0 && !culpritIsWait &&
                          m[culprit].respond && m[culprit].respond->anchor;
    auto b = report(
        DiagKind::UnverifiableBound,
        fmt::format("{}, but whether it can be kept cannot be worked out: {}",
                    bound.description,
                    culpritIsWait
                        ? fmt::format("how soon stage `{}` on a route to it "
                                      "must begin is given only in words",
                                      name)
                    : timedElsewhere
                        ? fmt::format("stage `{}` on a route to it is timed "
                                      "from another stage",
                                      name)
                        : fmt::format("stage `{}` on a route to it has no "
                                      "timescale in numbers",
                                      name)));
    if (culprit >= 0) {
      const StageInfo &c = m[culprit];
      if (culpritIsWait && c.begin)
        b.note(c.begin->range,
               fmt::format("how soon `{}` must begin is given only in words",
                           name));
      else if (c.respond && c.respond->anchor)
        b.note(c.respond->range,
               fmt::format("`{}` is timed from another stage, so the time it "
                           "takes on this route is not known",
                           name));
      else
        b.note(c.stage->name.range,
               fmt::format("`{}` has no timescale in numbers", name));
    }
    b.note(std::move(total));
  };

  // 1. Broken on every reading: even the least the longest route can come
  //    to is too long.
  if (worst.low > allowed) {
    std::vector<uint32_t> route = ctx.timing.worstRoute(
        pass, longestAt, RouteKind::Longest, bound.overall);
    auto b =
        report(DiagKind::TimescaleBoundExceeded,
               fmt::format("{}, but {}", bound.description,
                           takes(describe(ctx, route, longestAt),
                                 "at least " + formatAmount(worst.low, metric),
                                 false)));
    explain(b, route, longestAt, RouteKind::Longest);
    b.note(fmt::format("in all at least {}, against the {} allowed{}",
                       formatAmount(worst.low, metric),
                       formatAmount(allowed, metric), maybeMore));
    return;
  }
  // 2. Working days alone add up exactly: what they come to on the worst
  //    dates is a real route's, so past the bound is broken. (Beyond a year
  //    of working days the calendar gives only an upper bound.)
  bool exactKnown =
      worst.exactWorkingDays <= runtime::WorkingDayCalendar::ExactSpan;
  if (worst.exact > static_cast<int64_t>(allowed) && exactKnown) {
    uint64_t found = static_cast<uint64_t>(worst.exact);
    std::vector<uint32_t> route =
        ctx.timing.worstRoute(pass, exactAt, RouteKind::Exact, bound.overall);
    auto b = report(DiagKind::TimescaleBoundExceeded,
                    fmt::format("{}, but {}", bound.description,
                                takes(describe(ctx, route, exactAt),
                                      formatAmount(found, metric), true)));
    explain(b, route, exactAt, RouteKind::Exact);
    b.note(fmt::format(
        "in all {} working day{}, which can take {} when "
        "weekends and bank holidays fall in them, against the "
        "{} allowed{}",
        worst.exactWorkingDays, worst.exactWorkingDays == 1 ? "" : "s",
        formatAmount(found, metric), formatAmount(allowed, metric), maybeMore));
    return;
  }
  // 3. A loop: no end to what it can add.
  if (unbounded) {
    int32_t loop = loopOnTheWay(ctx, pass, bound.stage, bound.overall);
    auto b = report(
        DiagKind::UnverifiableBound,
        fmt::format("{}, but whether it can be kept cannot be worked out: a "
                    "route to it can go round a loop without end{}",
                    bound.description,
                    loop >= 0 ? " (" + loopStages(ctx, uint32_t(loop)) + ")"
                              : ""));
    b.note(fmt::format("going round each loop once, the timescales that are "
                       "given add up to at least {} here, within the {} "
                       "allowed",
                       formatAmount(worst.low, metric),
                       formatAmount(allowed, metric)));
    return;
  }
  // 4. Units that mix, or a route too long for the exact figure: whether a
  //    route passes the bound depends on the dates, so work them out.
  if (worst.high() > allowed) {
    std::vector<uint32_t> nodes;
    if (bound.overall) {
      for (uint32_t s = 0; s < m.size(); ++s)
        nodes.push_back(s);
    } else {
      nodes.push_back(bound.stage);
    }
    DateSearch dates =
        ctx.timing.searchDates(pass, nodes, bound.overall, limit);
    if (dates.outcome == DateSearch::Outcome::Breach) {
      const DateBreach &d = *dates.breach;
      std::string via = describe(ctx, d.route, d.node);
      std::string from =
          anchor < 0 ? ""
                     : fmt::format("if `{}` {} on {}, ", m[anchor].name(),
                                   point == ast::AnchorPoint::Start ? "starts"
                                                                    : "ends",
                                   runtime::longDate(d.from));
      std::string what =
          bound.overall
              ? fmt::format("an escalation raised on {} can take the route "
                            "{} and run until {}",
                            runtime::longDate(d.from), via,
                            runtime::longDate(d.reached))
          : bound.onCompletion
              ? fmt::format("{}by the route {} `{}` cannot even begin until "
                            "{}",
                            from, via, m[d.node].name(),
                            runtime::longDate(d.reached))
              : fmt::format("{}the route {} reaches `{}` only on {}", from, via,
                            m[d.node].name(), runtime::longDate(d.reached));
      auto b = report(DiagKind::TimescaleBoundExceeded,
                      fmt::format("{}, but {}, after {}, the last day "
                                  "allowed",
                                  bound.description, what,
                                  runtime::longDate(d.deadline)));
      explain(b, d.route, d.node, RouteKind::Exact);
      b.note(fmt::format("the dates were worked out for every day from {} "
                         "to {}; this is the first of the days that run "
                         "furthest past the bound{}",
                         ctx.options.calendar->firstYear(),
                         ctx.options.calendar->lastYear(), maybeMore));
      return;
    }
    if (dates.outcome == DateSearch::Outcome::Kept)
      return; // Kept on every day there is.
    if (dates.outcome == DateSearch::Outcome::Inexact && unknown) {
      reportUnknown(fmt::format(
          "the timescales that are given add up to at most {} "
          "here, against the {} allowed; worked out day by day, "
          "with the time not given counted as nothing, no day "
          "passes the bound",
          formatAmount(worst.high(), metric), formatAmount(allowed, metric)));
      return;
    }
    bool mixed = worst.mixed > static_cast<int64_t>(allowed);
    uint32_t at = mixed ? mixedAt : exactAt;
    RouteKind kind = mixed ? RouteKind::Mixed : RouteKind::Exact;
    uint64_t most = worst.high();
    std::vector<uint32_t> route =
        ctx.timing.worstRoute(pass, at, kind, bound.overall);
    std::string why;
    switch (dates.outcome) {
    case DateSearch::Outcome::OverBudget:
      why = "the dates were not worked out, as the checks of this input have "
            "used up the time allowed for working out dates";
      break;
    case DateSearch::Outcome::InHours:
      why = "a bound in hours cannot be settled by the date alone";
      break;
    default:
      why = "a time on the way is in hours that are not whole days, so the "
            "date alone cannot settle it";
      break;
    }
    auto b = report(
        DiagKind::UnverifiableBound,
        fmt::format("{}, but whether it is kept depends on the dates and "
                    "times: the route {} can take up to {}, and {}",
                    bound.description, describe(ctx, route, at),
                    formatAmount(most, metric), why));
    explain(b, route, at, kind);
    b.note(fmt::format("in all up to {}, against the {} allowed; how much it "
                       "takes depends on the day and time it starts",
                       formatAmount(most, metric),
                       formatAmount(allowed, metric)));
    if (mixed && dates.outcome != DateSearch::Outcome::OverBudget)
      b.note("give the timescales and the bound in days, so that the dates "
             "can settle it");
    return;
  }
  if (unknown)
    reportUnknown(fmt::format("the timescales that are given add up to at "
                              "most {} here, within the {} allowed",
                              formatAmount(worst.high(), metric),
                              formatAmount(allowed, metric)));
}

/// The bound a stage's timescale sets when it is measured from another
/// stage, described and placed.
Bound stageBound(const ProcedureModel &m, uint32_t s, const ast::Timescale &t,
                 bool onCompletion, int32_t from, uint32_t anchor) {
  const StageInfo &info = m[s];
  Bound b;
  b.timescale = &t;
  b.stage = s;
  b.onCompletion = onCompletion;
  b.description = fmt::format(
      "stage `{}` must {} within {} from the {} of `{}`", info.name(),
      onCompletion ? "be finished" : "begin", formatDuration(t.limit),
      t.anchor->point == ast::AnchorPoint::Start ? "start" : "end",
      m[anchor].name());
  b.borrowedFrom = from;
  b.at = from >= 0 ? info.stage->body.sameTimescaleAs->range : t.range;
  return b;
}

bool isVague(const ast::Duration &d) {
  return d.unit == ast::DurationUnit::Vague;
}

} // namespace

void checkBounds(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  const ast::Procedure &p = m.procedure();
  if (p.overall && !isVague(p.overall->limit)) {
    Bound b;
    b.timescale = &*p.overall;
    b.description = fmt::format("procedure `{}` must end within {}",
                                p.name.text, formatDuration(p.overall->limit));
    b.overall = true;
    b.at = p.overall->range;
    checkBound(ctx, b, -1, ast::AnchorPoint::Start);
  }
  for (uint32_t s = 0; s < m.size(); ++s) {
    const StageInfo &info = m[s];
    // A `begin within` measured from another stage (not a wait after the
    // stage the escalation comes from).
    if (info.begin && info.begin->anchor && !info.beginFromPredecessor &&
        !isVague(info.begin->limit)) {
      std::optional<int32_t> x = m.stageIndex(info.begin->anchor->stage.text);
      // Trivially kept when every way in is straight from the end of the
      // anchor stage (and there is a way in).
      bool trivial = x && info.begin->anchor->point == ast::AnchorPoint::End &&
                     !ctx.graph.predecessors(s).empty();
      if (trivial)
        for (uint32_t ei : ctx.graph.predecessors(s)) {
          const Edge &e = ctx.graph.edge(ei);
          trivial &=
              e.kind == EdgeKind::Route && e.from == static_cast<uint32_t>(*x);
        }
      if (x && !trivial)
        checkBound(ctx,
                   stageBound(m, s, *info.begin, false, info.beginFrom,
                              static_cast<uint32_t>(*x)),
                   *x, info.begin->anchor->point);
    }
    // A `respond within` measured from another stage.
    if (info.respond && info.respond->anchor && !isVague(info.respond->limit))
      if (std::optional<int32_t> x =
              m.stageIndex(info.respond->anchor->stage.text))
        checkBound(ctx,
                   stageBound(m, s, *info.respond, true,
                              info.respondSource == TimescaleSource::SameAs
                                  ? info.respondFrom
                                  : -1,
                              static_cast<uint32_t>(*x)),
                   *x, info.respond->anchor->point);
  }
}

} // namespace escalade::sema
