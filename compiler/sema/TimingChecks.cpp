// TimingChecks.cpp — every stage has a timescale, in numbers; targets sit
// inside their limits; and the timescales along every route keep within
// the bounds the procedure sets (overall, and measured from another stage).
#include "sema/Checks.h"

#include "calendar/DateFormat.h"

#include <fmt/format.h>

namespace escalade::sema {

using diag::DiagKind;

namespace {

const char *AddTimescale =
    "add a line such as `respond within 5 working days`; where the published "
    "procedure gives none, leave the gap and record why with `allow "
    "missing-timescale \"...\"`";

std::string joinNames(const std::vector<std::string> &names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0)
      out += i + 1 == names.size() ? " and " : ", ";
    out += "`" + names[i] + "`";
  }
  return out;
}

void checkMissing(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  std::vector<uint32_t> missing;
  bool anyTimescale = false;
  for (uint32_t s = 0; s < m.size(); ++s) {
    if (m[s].respondSource == TimescaleSource::None)
      missing.push_back(s);
    anyTimescale |= m[s].respond || m[s].begin;
  }
  if (missing.empty())
    return;
  if (!anyTimescale && missing.size() > 1) {
    // One finding for the procedure rather than one per stage.
    auto b = ctx.diags.report(
        DiagKind::MissingTimescale, m.procedure().name.range,
        fmt::format("procedure `{}` gives no timescale for any of its {} "
                    "stages, so no date can be worked out for any of them",
                    m.procedure().name.text, missing.size()));
    for (uint32_t s : missing)
      b.note(m[s].stage->name.range,
             fmt::format("`{}` has no timescale", m[s].name()));
    b.note(AddTimescale);
    return;
  }
  for (uint32_t s : missing) {
    const StageInfo &info = m[s];
    auto b = ctx.diags.report(
        DiagKind::MissingTimescale, info.stage->name.range,
        fmt::format("stage `{}` has no timescale: nothing says how long it "
                    "may take",
                    info.name()));
    if (info.begin)
      b.note(info.begin->range,
             info.beginFrom >= 0
                 ? fmt::format("the timescale it borrows from `{}` says only "
                               "how soon the stage must begin",
                               m[info.beginFrom].name())
                 : "this line says only how soon the stage must begin, not "
                   "how long it may take");
    b.note(AddTimescale);
  }
}

void reportVague(const CheckContext &ctx, const ast::Duration &d,
                 const std::string &what, std::vector<diag::Note> extra = {}) {
  auto b = ctx.diags.report(
      DiagKind::VagueTimescale, d.range,
      fmt::format("{} is given only in words, \"{}\", so no date can be "
                  "worked out from it",
                  what, d.vagueText));
  for (diag::Note &n : extra)
    b.note(n.range, std::move(n.message));
  b.note("where the published procedure gives a number, write it, as in `5 "
         "working days`; where it does not, the words stay and this finding "
         "records the gap");
}

bool isVague(const ast::Duration &d) {
  return d.unit == ast::DurationUnit::Vague;
}

void checkVague(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  const ast::Procedure &p = m.procedure();
  if (p.overall && isVague(p.overall->limit))
    reportVague(ctx, p.overall->limit, "the overall bound");
  if (p.everyStage && p.everyStage->body.respond &&
      isVague(p.everyStage->body.respond->limit)) {
    std::vector<std::string> users;
    for (uint32_t s = 0; s < m.size(); ++s)
      if (m[s].respondSource == TimescaleSource::EveryStage)
        users.push_back(m[s].name());
    std::vector<diag::Note> extra;
    if (!users.empty())
      extra.push_back(
          {{},
           users.size() == 1
               ? fmt::format("it is the timescale of {}, which gives none of "
                             "its own",
                             joinNames(users))
               : fmt::format("it is the timescale of {}, which give none of "
                             "their own",
                             joinNames(users))});
    reportVague(ctx, p.everyStage->body.respond->limit,
                "the timescale under `every stage`", std::move(extra));
  }
  if (p.everyStage)
    for (const ast::Action &a : p.everyStage->body.actions)
      if (a.within && isVague(*a.within))
        reportVague(ctx, *a.within,
                    "the time allowed for this action at every stage");
  for (uint32_t s = 0; s < m.size(); ++s) {
    const ast::StageBody &b = m[s].stage->body;
    if (b.respond && isVague(b.respond->limit))
      reportVague(ctx, b.respond->limit,
                  fmt::format("the timescale of stage `{}`", m[s].name()));
    if (b.begin && isVague(b.begin->limit))
      reportVague(ctx, b.begin->limit,
                  fmt::format("how soon stage `{}` must begin", m[s].name()));
    for (const ast::Action &a : b.actions)
      if (a.within && isVague(*a.within))
        reportVague(ctx, *a.within, "the time allowed for this action");
  }
}

/// True when `target` is certainly later than `limit`: even at its
/// shortest reading, the target's worst case passes the most the limit
/// allows, in the limit's own unit. "The same day" allows nothing past the
/// day: any number of days is later, and hours past 24.
bool targetAfterLimit(const ast::Duration &target, const ast::Duration &limit,
                      const runtime::WorkingDayCalendar &cal) {
  using U = ast::DurationUnit;
  if (limit.unit == U::Vague)
    return false;
  if (limit.unit == U::SameDay)
    return target.unit == U::WorkingDays || target.unit == U::CalendarDays
               ? target.count > 0
           : target.unit == U::Hours ? target.count > 24
                                     : false;
  std::optional<uint64_t> least = lowerBound(target, metricOf(limit.unit), cal);
  return least && *least > limit.count;
}

void checkTarget(const CheckContext &ctx, const ast::Timescale *t) {
  if (!t || !t->target ||
      !targetAfterLimit(*t->target, t->limit, *ctx.options.calendar))
    return;
  ctx.diags
      .report(DiagKind::TargetAfterLimit, t->target->range,
              fmt::format("the preferred target, {}, is later than the limit "
                          "beside it, {}",
                          formatDuration(*t->target), formatDuration(t->limit)))
      .note(t->limit.range, "the limit is the time that must not be passed; "
                            "a target is an aim within it");
}

void checkTargets(const CheckContext &ctx) {
  const ast::Procedure &p = ctx.model.procedure();
  checkTarget(ctx, p.overall ? &*p.overall : nullptr);
  if (p.everyStage && p.everyStage->body.respond)
    checkTarget(ctx, &*p.everyStage->body.respond);
  for (const ast::Stage &s : p.stages) {
    checkTarget(ctx, s.body.respond ? &*s.body.respond : nullptr);
    checkTarget(ctx, s.body.begin ? &*s.body.begin : nullptr);
  }
}

/// A `timescale same as` next to a clause of the same kind that the stage
/// borrowed from would also give: the stage's own wins, silently.
void checkConflicts(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  for (uint32_t s = 0; s < m.size(); ++s) {
    const ast::StageBody &b = m[s].stage->body;
    if (!b.sameTimescaleAs || (!b.respond && !b.begin))
      continue;
    std::optional<int32_t> from = m.stageIndex(b.sameTimescaleAs->stage.text);
    if (!from || *from == static_cast<int32_t>(s))
      continue;
    const StageInfo &source = m[*from];
    const ast::Timescale *own = nullptr;
    const char *kind = nullptr;
    if (b.respond && source.respond &&
        source.respondSource != TimescaleSource::EveryStage) {
      own = &*b.respond;
      kind = "how long it may take";
    } else if (b.begin && source.begin) {
      own = &*b.begin;
      kind = "how soon it must begin";
    }
    if (!own)
      continue;
    ctx.diags
        .report(DiagKind::ConflictingTimescales, b.sameTimescaleAs->range,
                fmt::format("stage `{}` says {}, and also borrows that from "
                            "`{}`; only its own is used",
                            m[s].name(), kind, source.name()))
        .note(own->range, "its own timescale is here")
        .note("keep the line that matches the published procedure and "
              "remove the other");
  }
}

// ------------------------------------------------------------ bounds --

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

/// Writes the evidence for the route of `kind` to `node`: what each stage
/// on it adds, and each wait before a stage begins.
void explainRoute(diag::DiagnosticBuilder &b, const CheckContext &ctx,
                  const TimingPass &pass, uint32_t node, RouteKind kind,
                  bool includeLast, bool skipFirstDuration,
                  const std::vector<uint32_t> *given = nullptr) {
  const ProcedureModel &m = ctx.model;
  const RouteGraph &g = ctx.graph;
  Metric metric = pass.metric();
  auto stageNote = [&](uint32_t s) {
    const StageInfo &info = m[s];
    std::optional<Amount> d = ctx.timing.duration(s, metric);
    if (!d) {
      b.note(info.stage->name.range,
             fmt::format("`{}` has no timescale in numbers, so the time it "
                         "takes is counted here as nothing",
                         info.name()));
      return;
    }
    std::string how = info.respondSource == TimescaleSource::SameAs
                          ? fmt::format(" (the timescale of `{}`)",
                                        m[info.respondFrom].name())
                      : info.respondSource == TimescaleSource::EveryStage
                          ? " (the timescale under `every stage`)"
                          : "";
    const ast::Duration &limit = info.respond->limit;
    b.note(info.respond->range,
           limit.unit == ast::DurationUnit::SameDay
               ? fmt::format("`{}` is to be done the same day{}{}", info.name(),
                             how, counted(limit, *d, metric, kind))
               : fmt::format("`{}` takes up to {}{}{}", info.name(),
                             formatDuration(limit), how,
                             counted(limit, *d, metric, kind)));
  };
  auto waitNote = [&](uint32_t s, const Amount &wait,
                      const std::string &after) {
    const StageInfo &to = m[s];
    // A borrowed `begin within` is shown at the `timescale same as` line
    // that borrows it.
    bool borrowed = to.beginFrom >= 0;
    const ast::Duration &limit = to.begin->limit;
    std::string sameAs = borrowed ? fmt::format(" (the same timescale as `{}`)",
                                                m[to.beginFrom].name())
                                  : "";
    b.note(borrowed ? to.stage->body.sameTimescaleAs->range : to.begin->range,
           limit.unit == ast::DurationUnit::SameDay
               ? fmt::format("`{}` is to begin the same day, {}{}{}", to.name(),
                             after, sameAs, counted(limit, wait, metric, kind))
               : fmt::format("`{}` may begin up to {} {}{}{}", to.name(),
                             formatDuration(limit), after, sameAs,
                             counted(limit, wait, metric, kind)));
  };

  std::vector<uint32_t> route =
      given ? *given : ctx.timing.worstRoute(pass, node, kind, includeLast);
  uint32_t start = route.empty() ? node : g.edge(route.front()).from;
  if (std::optional<Amount> wait = pass.entryWait(start))
    waitNote(start, *wait, "after the escalation is raised");
  bool first = true;
  for (uint32_t ei : route) {
    const Edge &e = g.edge(ei);
    if (g.isStage(e.from) && !(first && skipFirstDuration))
      stageNote(e.from);
    first = false;
    if (!g.isStage(e.to) || !ctx.timing.beginCountsFrom(e))
      continue;
    std::optional<Amount> wait = ctx.timing.gap(e, metric);
    if (wait && wait->high > 0)
      waitNote(e.to, *wait,
               g.isStage(e.from)
                   ? fmt::format("after `{}` ends", m[e.from].name())
                   : "after the stage before it ends");
  }
  if (includeLast && g.isStage(node))
    stageNote(node);
}

/// The most a bound allows, in its own unit.
uint64_t allowedBy(const ast::Duration &limit) {
  if (limit.unit == ast::DurationUnit::SameDay)
    return metricOf(limit.unit) == Metric::Hours ? 24 : 0;
  return limit.count;
}

void checkBound(const CheckContext &ctx, const Bound &bound, int64_t anchor,
                ast::AnchorPoint point) {
  const ProcedureModel &m = ctx.model;
  const ast::Duration &limit = bound.timescale->limit;
  Metric metric = metricOf(limit.unit);
  uint64_t allowed = allowedBy(limit);
  TimingPass pass = anchor < 0
                        ? ctx.timing.fromEntries(metric)
                        : ctx.timing.fromStage(static_cast<uint32_t>(anchor),
                                               point, metric, bound.stage);

  // The worst found, and the node where each kind of route is longest.
  Reach worst;
  uint32_t longestAt = bound.stage, exactAt = bound.stage,
           mixedAt = bound.stage;
  bool unknown = false, unbounded = false;
  int32_t culprit = -1;
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
      if (pass.finishUnknown(s) && culprit < 0)
        culprit = pass.unknownStage(s);
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
               fmt::format("the bound is the timescale of `{}`, borrowed",
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
  }
  const bool skipFirst = point == ast::AnchorPoint::End && anchor >= 0;
  auto route = [&](uint32_t node, RouteKind kind) {
    std::string r = describeRoute(
        ctx.graph, ctx.timing.worstRoute(pass, node, kind, bound.overall));
    return r.empty() ? "`" + m[node].name() + "`" : r;
  };
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
  const std::string maybeMore =
      unknown ? "; stages without a timescale in numbers may add to it" : "";

  // Broken on every reading: even the least the longest route can come to
  // is too long.
  if (worst.low > allowed) {
    auto b =
        report(DiagKind::TimescaleBoundExceeded,
               fmt::format("{}, but {}", bound.description,
                           takes(route(longestAt, RouteKind::Longest),
                                 "at least " + formatAmount(worst.low, metric),
                                 false)));
    explainRoute(b, ctx, pass, longestAt, RouteKind::Longest, bound.overall,
                 skipFirst);
    b.note(fmt::format("in all at least {}, against the {} allowed{}",
                       formatAmount(worst.low, metric),
                       formatAmount(allowed, metric), maybeMore));
    return;
  }
  if (unbounded) {
    report(DiagKind::UnverifiableBound,
           fmt::format("{}, but whether it can be kept cannot be worked "
                       "out: a route to it can go round a loop without end",
                       bound.description))
        .note(fmt::format("once round the loop, the timescales that are given "
                          "add up to at least {} here, within the {} allowed",
                          formatAmount(worst.low, metric),
                          formatAmount(allowed, metric)));
    return;
  }
  // Working days alone add up exactly: what they come to on the worst dates
  // is known, so past the bound is broken. (Beyond a year of working days
  // the calendar gives only an upper bound.)
  bool exactKnown =
      worst.exactWorkingDays <= runtime::WorkingDayCalendar::ExactSpan;
  if (worst.exact > static_cast<int64_t>(allowed) && exactKnown) {
    uint64_t found = static_cast<uint64_t>(worst.exact);
    auto b = report(DiagKind::TimescaleBoundExceeded,
                    fmt::format("{}, but {}", bound.description,
                                takes(route(exactAt, RouteKind::Exact),
                                      formatAmount(found, metric), true)));
    explainRoute(b, ctx, pass, exactAt, RouteKind::Exact, bound.overall,
                 skipFirst);
    b.note(fmt::format(
        "in all {} working day{}, which can take {} when "
        "weekends and bank holidays fall in them, against the "
        "{} allowed{}",
        worst.exactWorkingDays, worst.exactWorkingDays == 1 ? "" : "s",
        formatAmount(found, metric), formatAmount(allowed, metric), maybeMore));
    return;
  }
  // Units that mix: whether a route passes the bound depends on the dates,
  // so work them out.
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
    if (dates.breach) {
      const DateBreach &d = *dates.breach;
      std::string via = describeRoute(ctx.graph, d.route);
      if (via.empty())
        via = "`" + m[d.node].name() + "`";
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
      explainRoute(b, ctx, pass, d.node, RouteKind::Exact, bound.overall,
                   skipFirst, &d.route);
      b.note(fmt::format("the dates were worked out for every day from {} "
                         "to {}; this is the first of the days that run "
                         "furthest past the bound{}",
                         ctx.options.calendar->firstYear(),
                         ctx.options.calendar->lastYear(), maybeMore));
      return;
    }
    if (dates.complete)
      return; // Kept on every day there is.
    bool mixed = worst.mixed > static_cast<int64_t>(allowed);
    uint32_t at = mixed ? mixedAt : exactAt;
    RouteKind kind = mixed ? RouteKind::Mixed : RouteKind::Exact;
    uint64_t most = worst.high();
    auto b = report(
        DiagKind::UnverifiableBound,
        fmt::format("{}, but whether it is kept depends on the dates: the "
                    "route {} {}, and can take up to {}",
                    bound.description, route(at, kind),
                    mixed ? "is given in units that do not turn exactly "
                            "into the bound's"
                          : "is longer than the calendar can be searched for "
                            "its worst dates",
                    formatAmount(most, metric)));
    explainRoute(b, ctx, pass, at, kind, bound.overall, skipFirst);
    b.note(fmt::format("in all up to {}, against the {} allowed; on dates "
                       "with fewer weekends and bank holidays in the way it "
                       "takes less",
                       formatAmount(most, metric),
                       formatAmount(allowed, metric)));
    if (mixed)
      b.note("give the timescales and the bound in the same unit, so that "
             "they add up exactly");
    return;
  }
  if (!unknown)
    return;
  auto b = report(DiagKind::UnverifiableBound,
                  fmt::format("{}, but whether it can be kept cannot be "
                              "worked out: stage `{}` on a route to it has no "
                              "timescale in numbers",
                              bound.description,
                              culprit >= 0 ? m[culprit].name() : "?"));
  if (culprit >= 0)
    b.note(m[culprit].stage->name.range,
           fmt::format("`{}` has no timescale in numbers", m[culprit].name()));
  b.note(fmt::format("the timescales that are given add up to at most {} "
                     "here, within the {} allowed",
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
      bool trivial = x && info.begin->anchor->point == ast::AnchorPoint::End;
      // Trivially kept when every way in is straight from the anchor stage.
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

} // namespace

void checkTiming(const CheckContext &ctx) {
  checkMissing(ctx);
  checkVague(ctx);
  checkTargets(ctx);
  checkConflicts(ctx);
  checkBounds(ctx);
}

} // namespace escalade::sema
