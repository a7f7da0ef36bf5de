// PracticeChecks.cpp — what good practice asks of every escalation
// procedure: a way out for urgent cases, records kept, someone who decides
// at the end, and a review that is not overdue.
#include "sema/Checks.h"

#include <fmt/format.h>

namespace escalade::sema {

using diag::DiagKind;

namespace {

const char *whoIsAtRisk(const ast::Procedure &p) {
  if (!p.covers)
    return "the child or adult";
  switch (p.covers->audience) {
  case ast::Audience::Children:
    return "the child";
  case ast::Audience::Adults:
    return "the adult";
  case ast::Audience::ChildrenAndAdults:
    break;
  }
  return "the child or adult";
}

void checkUrgentRoute(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  const ast::Procedure &p = m.procedure();
  // Stages with a route for urgent cases, and the stages those lead to
  // (where urgent cases are already being dealt with).
  std::vector<const Route *> urgent(m.size(), nullptr);
  std::vector<bool> urgentTarget(m.size(), false);
  const Route *example = nullptr;
  for (uint32_t s = 0; s < m.size(); ++s)
    for (const Route &r : m[s].routes)
      if (r.trigger() == ast::Trigger::Urgent) {
        if (!urgent[s])
          urgent[s] = &r;
        if (!example)
          example = &r;
        if (r.kind == TargetKind::Stage)
          urgentTarget[r.stage] = true;
      }
  if (!example) {
    ctx.diags
        .report(DiagKind::MissingUrgentRoute, p.name.range,
                fmt::format("procedure `{}` has no route for urgent cases: "
                            "nothing says what happens if {} is at immediate "
                            "risk while the disagreement is escalated",
                            p.name.text, whoIsAtRisk(p)))
        .note("add a route that applies at every stage, such as `when "
              "urgent -> referral` under `every stage`, with `process "
              "referral \"...\"` naming where urgent cases go");
    return;
  }
  for (uint32_t s = 0; s < m.size(); ++s) {
    if (urgent[s] || urgentTarget[s] || !ctx.reachable[s])
      continue;
    ctx.diags
        .report(DiagKind::MissingUrgentRoute, m[s].stage->name.range,
                fmt::format("stage `{}` has no route for urgent cases: "
                            "nothing says what happens if {} is at immediate "
                            "risk while it is under way",
                            m[s].name(), whoIsAtRisk(p)))
        .note(example->transition->range, "other stages have one")
        .note(fmt::format("add a route such as this one to `{}`, or put it "
                          "under `every stage` so that it applies to all",
                          m[s].name()));
  }
}

void checkRecords(const CheckContext &ctx) {
  const ast::Procedure &p = ctx.model.procedure();
  if (p.everyStage && !p.everyStage->body.records.empty())
    return;
  for (const ast::Stage &s : p.stages)
    if (!s.body.records.empty())
      return;
  ctx.diags
      .report(DiagKind::MissingRecord, p.name.range,
              fmt::format("procedure `{}` asks for no record to be kept of "
                          "the escalation, its decisions or its outcome",
                          p.name.text))
      .note("add a line such as `keep record in child_file \"The concern, "
            "the response and the outcome\"` under `every stage`");
}

void checkDecisionMakers(const CheckContext &ctx) {
  size_t finals = 0;
  for (const ast::Stage &s : ctx.model.procedure().stages)
    finals += s.body.final.has_value();
  for (const ast::Stage &s : ctx.model.procedure().stages) {
    if (!s.body.final)
      continue;
    bool decides = false;
    for (const ast::Authority &a : s.body.authorities)
      decides |= a.kind == ast::Authority::Kind::Decision;
    if (decides)
      continue;
    ctx.diags
        .report(DiagKind::FinalStageWithoutDecisionMaker, *s.body.final,
                fmt::format("`{}` is {} final stage, but names nobody who "
                            "decides how the disagreement ends",
                            s.name.text, finals > 1 ? "a" : "the"))
        .note("add a line such as `decision by partnership_executive`");
  }
}

const char *monthName(unsigned m) {
  static const char *names[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

void checkReview(const CheckContext &ctx) {
  const ast::Procedure &p = ctx.model.procedure();
  if (!p.reviewDue)
    return;
  using namespace std::chrono;
  const ast::Date &d = p.reviewDue->date;
  year_month ym{year{d.year}, month{d.month}};
  // Due by the end of the day given, or of the month when only a month is.
  sys_days due = d.day ? sys_days{ym / day{d.day}}
                       : sys_days{year_month_day_last{ym / last}};
  if (due >= ctx.options.today)
    return;
  std::string when =
      d.day ? fmt::format("{} {} {}", d.day, monthName(d.month), d.year)
            : fmt::format("{} {}", monthName(d.month), d.year);
  ctx.diags
      .report(DiagKind::ReviewOverdue, p.reviewDue->range,
              fmt::format("the review of this procedure was due {} {}, and "
                          "that date has passed",
                          d.day ? "on" : "in", when))
      .note("review the procedure and record the new date, or the date of "
            "the review that took place, in its `review due` and `reviewed` "
            "lines");
}

} // namespace

void checkPractice(const CheckContext &ctx) {
  if (ctx.model.size() == 0)
    return;
  checkUrgentRoute(ctx);
  checkRecords(ctx);
  checkDecisionMakers(ctx);
  checkReview(ctx);
}

} // namespace escalade::sema
