// PeopleChecks.cpp — every stage has someone leading it, each escalation
// goes to someone more senior, agencies' own leads belong to them, and
// nothing is declared for nothing.
#include "sema/Checks.h"
#include "sema/Conditions.h"

#include <fmt/format.h>

#include <set>

namespace escalade::sema {

using diag::DiagKind;

namespace {

/// The roles that lead a stage in every case: owner lines with no agency
/// and no condition. `equivalent X` is someone else, so it is left out.
std::set<std::string> plainOwners(const ast::StageBody &body) {
  std::set<std::string> out;
  for (const ast::Owner &o : body.owners)
    if (!o.agency && !o.condition)
      for (const ast::RoleRef &r : o.roles.roles)
        if (!r.equivalent)
          out.insert(r.role.text);
  return out;
}

/// True when the owner lines for no particular agency name someone in
/// every case: one has no condition, or their conditions cover every case
/// between them. (`equivalent X` names someone too: X's counterpart.)
bool ledInEveryCase(const std::vector<ast::Owner> &owners) {
  std::vector<const ast::Condition *> conditions;
  for (const ast::Owner &o : owners) {
    if (o.agency)
      continue;
    if (!o.condition)
      return true;
    conditions.push_back(&*o.condition);
  }
  if (conditions.empty())
    return false;
  FactSpace space(conditions);
  // Too many facts to tell: do not claim a gap that may not be there.
  return !space.tractable() || !holdsAlone(space, nullptr, conditions);
}

void checkOwners(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  for (uint32_t s = 0; s < m.size(); ++s) {
    const ast::Stage &stage = *m[s].stage;
    const std::vector<ast::Owner> &owners = stage.body.owners;
    if (owners.empty()) {
      ctx.diags
          .report(DiagKind::MissingOwner, stage.name.range,
                  fmt::format("stage `{}` names nobody to lead it",
                              stage.name.text))
          .note("add a line such as `owner service_manager`; where the "
                "published procedure names nobody, leave the gap and record "
                "why with `allow missing-owner \"...\"`");
      continue;
    }
    if (ledInEveryCase(owners))
      continue;
    bool anyAgency = false, anyCondition = false;
    for (const ast::Owner &o : owners) {
      anyAgency |= o.agency.has_value();
      anyCondition |= !o.agency && o.condition.has_value();
    }
    auto b = ctx.diags.report(
        DiagKind::MissingOwner, owners.front().range,
        anyCondition
            ? fmt::format("stage `{}` names a lead only under conditions, "
                          "and they leave some cases without one",
                          stage.name.text)
            : fmt::format("stage `{}` names a lead only for particular "
                          "agencies, not in every case",
                          stage.name.text));
    if (anyCondition) {
      std::vector<const ast::Condition *> conditions;
      for (const ast::Owner &o : owners)
        if (!o.agency && o.condition)
          conditions.push_back(&*o.condition);
      FactSpace space(conditions);
      if (std::optional<uint32_t> gap = holdsAlone(space, nullptr, conditions))
        b.note(fmt::format("nobody leads it when {}", space.describe(*gap)));
    }
    b.note("add an `owner` line with no agency and no condition, for all "
           "other cases");
  }
}

/// The owner line, for no agency and no condition, that names `role`.
ast::SourceRange ownerLineNaming(const ast::StageBody &body,
                                 const std::string &role) {
  for (const ast::Owner &o : body.owners)
    if (!o.agency && !o.condition)
      for (const ast::RoleRef &r : o.roles.roles)
        if (!r.equivalent && r.role.text == role)
          return o.range;
  return body.owners.front().range;
}

void checkUpward(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  std::set<std::pair<uint32_t, uint32_t>> seen;
  for (uint32_t s = 0; s < m.size(); ++s) {
    std::set<std::string> from = plainOwners(m[s].stage->body);
    if (from.empty())
      continue;
    for (const Route &r : m[s].routes) {
      if (r.kind != TargetKind::Stage ||
          r.trigger() != ast::Trigger::Unresolved ||
          !seen.insert({s, uint32_t(r.stage)}).second)
        continue;
      const ast::Stage &next = *m[r.stage].stage;
      std::vector<std::string> both;
      for (const std::string &role : plainOwners(next.body))
        if (from.count(role))
          both.push_back(role);
      if (both.empty())
        continue;
      std::string roles;
      for (size_t i = 0; i < both.size(); ++i)
        roles += (i ? (i + 1 == both.size() ? " and " : ", ") : "") +
                 ("`" + both[i] + "`");
      ctx.diags
          .report(DiagKind::EscalationNotUpward, r.transition->range,
                  fmt::format("this escalation from `{}` to `{}` does not go "
                              "up: {} can lead both stages",
                              m[s].name(), next.name.text, roles))
          .note(ownerLineNaming(next.body, both.front()),
                fmt::format("`{}` leads `{}`", both.front(), next.name.text))
          .note(ownerLineNaming(m[s].stage->body, both.front()),
                fmt::format("and `{}` too", m[s].name()))
          .note("each stage of an escalation should bring in someone more "
                "senior than the stage before");
    }
  }
}

void checkAgencies(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  for (uint32_t s = 0; s < m.size(); ++s)
    for (const ast::Owner &o : m[s].stage->body.owners) {
      if (!o.agency)
        continue;
      for (const ast::RoleRef &r : o.roles.roles) {
        const ast::Declaration *d = m.declaration(r.role.text);
        if (!d || d->kind != ast::DeclKind::Role || !d->agency ||
            d->agency->text == o.agency->text)
          continue;
        ctx.diags
            .report(DiagKind::AgencyMismatch, r.role.range,
                    fmt::format("`{}` is a role of `{}`, but this line names "
                                "the lead for `{}`",
                                r.role.text, d->agency->text, o.agency->text))
            .note(d->range, fmt::format("`{}` is declared here", r.role.text));
      }
    }
}

// ------------------------------------------------------ unused names --

void useExpr(const ast::Expr &e, std::set<std::string> &used) {
  if (e.kind == ast::Expr::Kind::Fact)
    used.insert(e.fact.text);
  for (const ast::Expr &o : e.operands)
    useExpr(o, used);
}

void useBody(const ast::StageBody &b, std::set<std::string> &used) {
  auto roles = [&](const ast::RoleList &l) {
    for (const ast::RoleRef &r : l.roles)
      used.insert(r.role.text);
  };
  auto recipients = [&](const ast::RecipientList &l) {
    for (const ast::Recipient &r : l.recipients)
      used.insert(r.name.text);
  };
  auto condition = [&](const std::optional<ast::Condition> &c) {
    if (c)
      useExpr(c->expr, used);
  };
  for (const ast::Owner &o : b.owners) {
    roles(o.roles);
    if (o.agency)
      used.insert(o.agency->text);
    condition(o.condition);
  }
  for (const ast::Involves &i : b.involves)
    roles(i.roles);
  for (const ast::Authority &a : b.authorities)
    roles(a.roles);
  for (const ast::Inform &i : b.informs) {
    recipients(i.recipients);
    condition(i.condition);
  }
  for (const ast::Copy &c : b.copies)
    recipients(c.recipients);
  for (const ast::KeepRecord &k : b.records)
    if (k.record)
      used.insert(k.record->text);
  for (const ast::FormUse &f : b.forms) {
    used.insert(f.form.text);
    recipients(f.recipients);
  }
  for (const ast::Transition &t : b.transitions) {
    condition(t.guard);
    if (!t.target.procedure)
      used.insert(t.target.name.text);
  }
}

void checkUnused(const CheckContext &ctx) {
  const ast::Procedure &p = ctx.model.procedure();
  std::set<std::string> used;
  for (const ast::Declaration &d : p.declarations)
    if (d.agency)
      used.insert(d.agency->text);
  if (p.everyStage)
    useBody(p.everyStage->body, used);
  for (const ast::Stage &s : p.stages)
    useBody(s.body, used);
  for (const ast::Declaration &d : p.declarations) {
    // Contacts are published for readers; they need not be used by a line.
    if (d.kind == ast::DeclKind::Contact || used.count(d.name.text))
      continue;
    ctx.diags
        .report(DiagKind::UnusedDeclaration, d.name.range,
                fmt::format("{} `{}` is declared but no line uses it",
                            ast::declKindName(d.kind), d.name.text))
        .note("use it where the procedure needs it, or remove the "
              "declaration");
  }
}

} // namespace

void checkPeople(const CheckContext &ctx) {
  checkOwners(ctx);
  checkUpward(ctx);
  checkAgencies(ctx);
  checkUnused(ctx);
}

} // namespace escalade::sema
