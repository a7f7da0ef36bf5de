// TimingChecks.cpp — every stage has a timescale, in numbers; targets sit
// inside their limits; and the timescales along every route keep within
// the bounds the procedure sets (overall, and measured from another stage).
#include "sema/Checks.h"

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
             info.timescaleFrom >= 0
                 ? fmt::format("the timescale it borrows from `{}` says only "
                               "how soon the stage must begin",
                               m[info.timescaleFrom].name())
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
           fmt::format("it is the timescale of {}, which give{} none of "
                       "their own",
                       joinNames(users), users.size() == 1 ? "s" : "")});
    reportVague(ctx, p.everyStage->body.respond->limit,
                "the timescale under `every stage`", std::move(extra));
  }
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

/// True when `target` is certainly later than `limit`.
bool targetAfterLimit(const ast::Duration &target, const ast::Duration &limit) {
  using U = ast::DurationUnit;
  if (target.unit == U::Vague || limit.unit == U::Vague ||
      target.unit == U::SameDay)
    return false;
  if (limit.unit == U::SameDay)
    // Anything but "the same day" may run past the end of the day.
    return target.unit == U::WorkingDays || target.unit == U::CalendarDays
               ? target.count > 0
               : target.count > 24;
  if (target.unit == limit.unit)
    return target.count > limit.count;
  // N working days take at least N calendar days.
  if (target.unit == U::WorkingDays && limit.unit == U::CalendarDays)
    return target.count > limit.count;
  // H hours take at least floor(H / 24) whole days.
  if (target.unit == U::Hours)
    return target.count / 24 > limit.count;
  return false;
}

void checkTarget(const CheckContext &ctx, const ast::Timescale *t) {
  if (!t || !t->target || !targetAfterLimit(*t->target, t->limit))
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

void checkConflicts(const CheckContext &ctx) {
  for (const ast::Stage &s : ctx.model.procedure().stages) {
    const ast::StageBody &b = s.body;
    if (!b.sameTimescaleAs || (!b.respond && !b.begin))
      continue;
    const ast::Timescale &own = b.respond ? *b.respond : *b.begin;
    ctx.diags
        .report(DiagKind::ConflictingTimescales, b.sameTimescaleAs->range,
                fmt::format("stage `{}` gives a timescale of its own and also "
                            "borrows the timescale of `{}`; only its own is "
                            "used",
                            s.name.text, b.sameTimescaleAs->stage.text))
        .note(own.range, "its own timescale is here")
        .note("keep the line that matches the published procedure and "
              "remove the other");
  }
}

// ------------------------------------------------------------ bounds --

/// A bound the procedure sets, to be held against its routes.
struct Bound {
  const ast::Timescale *timescale;
  std::string description; ///< "stage `five` must begin within 5 ..."
  uint32_t stage;          ///< The stage bounded (unused when overall).
  bool overall = false;
  bool onCompletion = false; ///< Bounds the end of `stage`, not its start.
};

/// Writes the evidence for the latest route to `node`: what each stage on
/// it adds, and the total.
void explainRoute(diag::DiagnosticBuilder &b, const CheckContext &ctx,
                  const TimingPass &pass, uint32_t node, bool includeLast,
                  bool skipFirstDuration) {
  const ProcedureModel &m = ctx.model;
  const RouteGraph &g = ctx.graph;
  Metric metric = pass.metric();
  auto stageNote = [&](uint32_t s) {
    const StageInfo &info = m[s];
    std::optional<uint64_t> d = ctx.timing.duration(s, metric);
    if (d && info.respond) {
      std::string how = info.respondSource == TimescaleSource::SameAs
                            ? fmt::format(" (the timescale of `{}`)",
                                          m[info.timescaleFrom].name())
                        : info.respondSource == TimescaleSource::EveryStage
                            ? " (the timescale under `every stage`)"
                            : "";
      b.note(info.respond->range,
             fmt::format("`{}` takes up to {}{}", info.name(),
                         formatAmount(*d, metric), how));
    } else {
      b.note(info.stage->name.range,
             fmt::format("`{}` has no timescale in numbers, so the time it "
                         "takes is counted here as nothing",
                         info.name()));
    }
  };
  std::vector<uint32_t> route = ctx.timing.worstRoute(pass, node);
  bool first = true;
  for (uint32_t ei : route) {
    const Edge &e = g.edge(ei);
    if (g.isStage(e.from) && !(first && skipFirstDuration))
      stageNote(e.from);
    first = false;
    if (g.isStage(e.to) && ctx.timing.beginCountsFrom(e)) {
      const StageInfo &to = m[e.to];
      std::optional<uint64_t> gap = ctx.timing.gap(e, metric);
      std::string after = g.isStage(e.from)
                              ? fmt::format("after `{}` ends", m[e.from].name())
                              : "after the stage before it ends";
      // A borrowed `begin within` is shown at the `timescale same as` line
      // that borrows it.
      bool borrowed = to.timescaleFrom >= 0 && !to.stage->body.begin;
      if (gap && *gap > 0)
        b.note(borrowed ? to.stage->body.sameTimescaleAs->range
                        : to.begin->range,
               fmt::format("`{}` may begin up to {} {}{}", to.name(),
                           formatAmount(*gap, metric), after,
                           borrowed ? fmt::format(" (the same timescale as "
                                                  "`{}`)",
                                                  m[to.timescaleFrom].name())
                                    : ""));
    }
  }
  if (includeLast && g.isStage(node))
    stageNote(node);
}

void checkBound(const CheckContext &ctx, const Bound &bound, int64_t anchor,
                ast::AnchorPoint point) {
  const ProcedureModel &m = ctx.model;
  const ast::Duration &limit = bound.timescale->limit;
  Metric metric = metricOf(limit.unit);
  uint64_t allowed = *upperBound(limit, metric, *ctx.options.calendar);
  if (limit.unit == ast::DurationUnit::SameDay)
    allowed = 0;
  TimingPass pass = anchor < 0
                        ? ctx.timing.fromEntries(metric)
                        : ctx.timing.fromStage(static_cast<uint32_t>(anchor),
                                               point, metric, bound.stage);

  // The node the bound is held against, and the time found there.
  uint32_t node = bound.stage;
  uint64_t found = 0;
  bool unknown = false, unbounded = false;
  if (bound.overall) {
    bool any = false;
    for (uint32_t s = 0; s < m.size(); ++s) {
      if (!pass.reached(s))
        continue;
      if (!any || pass.finish(s) > found) {
        found = pass.finish(s);
        node = s;
      }
      any = true;
      unknown |= pass.finishUnknown(s);
      unbounded |= pass.unbounded(s);
    }
    if (!any)
      return;
  } else {
    if (!pass.reached(node)) {
      ctx.diags
          .report(DiagKind::UnverifiableBound, bound.timescale->range,
                  fmt::format("{}, but no route to `{}` passes `{}`, so the "
                              "bound never applies",
                              bound.description, m[node].name(),
                              bound.timescale->anchor->stage.text))
          .note("measure it from a stage that comes before this one");
      return;
    }
    // A stage must at least be entered before it can be finished, so both
    // kinds of bound are held against the time it is entered.
    found = pass.enter(node);
    unknown = pass.enterUnknown(node);
    unbounded = pass.unbounded(node);
  }
  bool skipFirst = point == ast::AnchorPoint::End && anchor >= 0;

  if (found > allowed) {
    std::string route =
        describeRoute(ctx.graph, ctx.timing.worstRoute(pass, node));
    std::string takes =
        bound.overall
            ? fmt::format("the route {} can take at least {}",
                          route.empty() ? "`" + m[node].name() + "`" : route,
                          formatAmount(found, metric))
        : bound.onCompletion
            ? fmt::format("by the route {} the stage cannot even begin "
                          "until at least {} have passed",
                          route, formatAmount(found, metric))
            : fmt::format("the route {} reaches it only after at least {}",
                          route, formatAmount(found, metric));
    auto b = ctx.diags.report(
        DiagKind::TimescaleBoundExceeded, bound.timescale->range,
        fmt::format("{}, but {}", bound.description, takes));
    explainRoute(b, ctx, pass, node, bound.overall, skipFirst);
    b.note(fmt::format("in all at least {}, against the {} allowed{}",
                       formatAmount(found, metric),
                       formatAmount(allowed, metric),
                       unknown ? "; stages without a timescale in numbers "
                                 "would only add to it"
                               : ""));
    return;
  }
  if (!unknown && !unbounded)
    return;
  int32_t culprit = -1;
  if (bound.overall) {
    for (uint32_t s = 0; s < m.size() && culprit < 0; ++s)
      if (pass.reached(s) && pass.finishUnknown(s))
        culprit = pass.unknownStage(s);
  } else {
    culprit = pass.unknownStage(node);
  }
  std::string why =
      unbounded ? "a route to it can go round a loop without end"
                : fmt::format("stage `{}` on a route to it has no timescale in "
                              "numbers",
                              culprit >= 0 ? m[culprit].name() : "?");
  auto b = ctx.diags.report(
      DiagKind::UnverifiableBound, bound.timescale->range,
      fmt::format("{}, but whether it can be kept cannot be worked out: {}",
                  bound.description, why));
  if (culprit >= 0 && !unbounded)
    b.note(m[culprit].stage->name.range,
           fmt::format("`{}` has no timescale in numbers", m[culprit].name()));
  b.note(fmt::format("the timescales that are given add up to at most {} "
                     "here, within the {} allowed",
                     formatAmount(found, metric),
                     formatAmount(allowed, metric)));
}

void checkBounds(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  const ast::Procedure &p = m.procedure();
  if (p.overall && !isVague(p.overall->limit))
    checkBound(ctx,
               {&*p.overall,
                fmt::format("procedure `{}` must end within {}", p.name.text,
                            formatDuration(p.overall->limit)),
                0, true, false},
               -1, ast::AnchorPoint::Start);
  for (uint32_t s = 0; s < m.size(); ++s) {
    const StageInfo &info = m[s];
    // A `begin within` measured from another stage (not a gap after the
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
        checkBound(
            ctx,
            {info.begin,
             fmt::format("stage `{}` must begin within {} from the {} "
                         "of `{}`",
                         info.name(), formatDuration(info.begin->limit),
                         info.begin->anchor->point == ast::AnchorPoint::Start
                             ? "start"
                             : "end",
                         m[*x].name()),
             s, false, false},
            *x, info.begin->anchor->point);
    }
    // A `respond within` measured from another stage.
    if (info.respond && info.respond->anchor && !isVague(info.respond->limit))
      if (std::optional<int32_t> x =
              m.stageIndex(info.respond->anchor->stage.text))
        checkBound(
            ctx,
            {info.respond,
             fmt::format("stage `{}` must be finished within {} from the {} "
                         "of `{}`",
                         info.name(), formatDuration(info.respond->limit),
                         info.respond->anchor->point == ast::AnchorPoint::Start
                             ? "start"
                             : "end",
                         m[*x].name()),
             s, false, true},
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
