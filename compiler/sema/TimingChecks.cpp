// TimingChecks.cpp — every stage has a timescale, in numbers; targets sit
// inside their limits; a stage does not say its timescale twice. The bounds
// are held against the routes in BoundChecks.cpp.
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

} // namespace

void checkTiming(const CheckContext &ctx) {
  checkMissing(ctx);
  checkVague(ctx);
  checkTargets(ctx);
  checkConflicts(ctx);
  checkBounds(ctx);
}

} // namespace escalade::sema
