// StructureChecks.cpp — can every stage be reached, left, and ended; do the
// conditions on routes make sense; are preconditions met on every route.
#include "sema/Checks.h"

#include "sema/Conditions.h"

#include <fmt/format.h>

#include <algorithm>

namespace escalade::sema {

using diag::DiagKind;

std::string joinRoute(const std::vector<std::string> &parts) {
  constexpr size_t Shown = 4;
  std::string out;
  auto add = [&](const std::string &part) {
    if (!out.empty())
      out += " → ";
    out += part;
  };
  if (parts.size() <= 2 * Shown + 1) {
    for (const std::string &p : parts)
      add(p);
    return out;
  }
  for (size_t i = 0; i < Shown; ++i)
    add(parts[i]);
  add(fmt::format("… {} more …", parts.size() - 2 * Shown));
  for (size_t i = parts.size() - Shown; i < parts.size(); ++i)
    add(parts[i]);
  return out;
}

std::string describeRoute(const RouteGraph &graph,
                          const std::vector<uint32_t> &edges) {
  std::vector<std::string> parts;
  auto add = [&](uint32_t node) {
    if (graph.isStage(node))
      parts.push_back("`" + graph.model()[node].name() + "`");
  };
  if (edges.empty())
    return {};
  add(graph.edge(edges.front()).from);
  for (uint32_t e : edges)
    add(graph.edge(e).to);
  return joinRoute(parts);
}

namespace {

const char *triggerPhrase(ast::Trigger t) {
  switch (t) {
  case ast::Trigger::Resolved:
    return "resolves the disagreement";
  case ast::Trigger::Unresolved:
    return "does not resolve the disagreement";
  case ast::Trigger::Urgent:
    return "turns urgent";
  case ast::Trigger::Overdue:
    return "runs past its timescale";
  }
  return "";
}

bool hasRoute(const StageInfo &info, ast::Trigger trigger) {
  for (const Route &r : info.routes)
    if (r.trigger() == trigger)
      return true;
  return false;
}

void checkReachability(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  for (uint32_t s = 0; s < m.size(); ++s) {
    if (ctx.reachable[s])
      continue;
    ctx.diags
        .report(DiagKind::UnreachableStage, m[s].stage->name.range,
                fmt::format("no route leads to stage `{}`, so an escalation "
                            "can never reach it",
                            m[s].name()))
        .note(m[m.start()].stage->name.range,
              fmt::format("escalations start at `{}`", m[m.start()].name()))
        .note(fmt::format("add a route to it from the stage before, such as "
                          "`when unresolved -> {}`, or remove the stage",
                          m[s].name()));
  }
}

void checkDeadEnds(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  for (uint32_t s = 0; s < m.size(); ++s) {
    const StageInfo &info = m[s];
    if (info.final || hasRoute(info, ast::Trigger::Unresolved))
      continue;
    std::string next = s + 1 < m.size() ? m[s + 1].name() : "NEXT_STAGE";
    ctx.diags
        .report(DiagKind::DeadEndStage, info.stage->name.range,
                fmt::format("stage `{}` is not final, but has nowhere to go "
                            "when it does not resolve the disagreement",
                            info.name()))
        .note(fmt::format("add a route such as `when unresolved -> {}`, or "
                          "mark the stage `final` if the procedure ends here",
                          next));
  }
}

void checkRouteConditions(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  for (uint32_t s = 0; s < m.size(); ++s) {
    const StageInfo &info = m[s];
    if (info.final)
      continue;
    for (ast::Trigger trigger :
         {ast::Trigger::Unresolved, ast::Trigger::Resolved}) {
      std::vector<const ast::Condition *> guards;
      std::vector<const Route *> routes;
      bool always = false;
      for (const Route &r : info.routes)
        if (r.trigger() == trigger) {
          routes.push_back(&r);
          guards.push_back(r.guard());
          always |= r.guard() == nullptr;
        }
      if (routes.empty() || always)
        continue;
      FactSpace space(guards);
      if (!space.tractable())
        continue;
      std::optional<uint32_t> gap = holdsAlone(space, nullptr, guards);
      if (!gap)
        continue;
      auto b = ctx.diags.report(
          DiagKind::IncompleteRoutes, routes.front()->transition->range,
          fmt::format("when stage `{}` {} and {}, none of its routes applies, "
                      "so the escalation has nowhere to go",
                      info.name(), triggerPhrase(trigger),
                      space.describe(*gap)));
      for (size_t i = 1; i < routes.size(); ++i)
        b.note(routes[i]->transition->range, "this route has a condition too");
      b.note(fmt::format("add a route for the other cases, such as `when {} "
                         "-> ...` with no condition, after these",
                         ast::triggerName(trigger)));
    }
  }
}

/// Routes of one block (a stage's own, or the `every stage` ones) in order.
void checkShadowedRoutes(const CheckContext &ctx,
                         const std::vector<const Route *> &block) {
  for (size_t i = 0; i < block.size(); ++i) {
    const Route &r = *block[i];
    std::vector<const ast::Condition *> earlier;
    const Route *firstEarlier = nullptr;
    for (size_t k = 0; k < i; ++k)
      if (block[k]->trigger() == r.trigger()) {
        earlier.push_back(block[k]->guard());
        if (!firstEarlier)
          firstEarlier = block[k];
      }
    if (earlier.empty())
      continue;
    std::vector<const ast::Condition *> all = earlier;
    all.push_back(r.guard());
    FactSpace space(all);
    if (!space.tractable() || !satisfying(space, r.guard()))
      continue; // a condition never true is reported on its own
    if (holdsAlone(space, r.guard(), earlier))
      continue;
    auto b = ctx.diags.report(
        DiagKind::UnreachableRoute, r.transition->range,
        "this route is never taken: whenever it would apply, a route "
        "written before it applies first");
    // The earlier route that covers it on its own, if one does; otherwise
    // the earlier routes cover it between them.
    const Route *cover = nullptr;
    for (size_t k = 0; k < i && !cover; ++k)
      if (block[k]->trigger() == r.trigger() &&
          !holdsAlone(space, r.guard(), {block[k]->guard()}))
        cover = block[k];
    if (cover) {
      b.note(cover->transition->range,
             "this route comes first, and applies whenever the later one "
             "would");
    } else {
      bool first = true;
      for (size_t k = 0; k < i; ++k)
        if (block[k]->trigger() == r.trigger()) {
          b.note(block[k]->transition->range,
                 first ? "this route, with those noted after it, covers "
                         "every case the later one would apply in"
                       : "this route is one of them");
          first = false;
        }
    }
    b.note("routes for the same event are tried in the order written; put "
           "the route with a condition before the one without, or remove "
           "this one");
  }
}

void checkUnsatisfiable(const CheckContext &ctx, const ast::Condition *c,
                        const char *consequence) {
  if (!c)
    return;
  FactSpace space({c});
  if (!space.tractable() || satisfying(space, c))
    return;
  ctx.diags.report(
      DiagKind::UnsatisfiableCondition, c->range,
      fmt::format("this condition can never be true, so {}", consequence));
}

void checkConditions(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  const ast::Procedure &p = m.procedure();
  auto body = [&](const ast::StageBody &b) {
    for (const ast::Owner &o : b.owners)
      checkUnsatisfiable(ctx, o.condition ? &*o.condition : nullptr,
                         "this owner never applies");
    for (const ast::Inform &i : b.informs)
      checkUnsatisfiable(ctx, i.condition ? &*i.condition : nullptr,
                         "nobody is ever informed by this line");
    for (const ast::Transition &t : b.transitions)
      checkUnsatisfiable(ctx, t.guard ? &*t.guard : nullptr,
                         "this route is never taken");
  };
  if (p.everyStage)
    body(p.everyStage->body);
  for (const ast::Stage &s : p.stages)
    body(s.body);

  // Shadowed routes, within each block.
  for (uint32_t s = 0; s < m.size(); ++s) {
    std::vector<const Route *> own;
    for (const Route &r : m[s].routes)
      if (!r.fromEveryStage)
        own.push_back(&r);
    checkShadowedRoutes(ctx, own);
  }
  std::vector<const Route *> every;
  for (const Route &r : m.everyStageRoutes())
    every.push_back(&r);
  checkShadowedRoutes(ctx, every);
}

void checkOutcomes(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  const RouteGraph &g = ctx.graph;
  std::vector<bool> ends(g.nodeCount(), false);
  for (uint32_t s = 0; s < m.size(); ++s) {
    ends[s] = m[s].final;
    for (const Route &r : m[s].routes)
      ends[s] = ends[s] || r.exits() || r.kind == TargetKind::Unresolved;
  }
  std::vector<bool> canEnd = g.canReach(ends);
  for (uint32_t s = 0; s < m.size(); ++s) {
    if (!ctx.reachable[s] || canEnd[s])
      continue;
    ctx.diags
        .report(DiagKind::NoOutcomePath, m[s].stage->name.range,
                fmt::format("no route from stage `{}` ever reaches an "
                            "outcome, a final stage or another process, so "
                            "an escalation here can never end",
                            m[s].name()))
        .note("give it, or a stage after it, a route to an outcome, such as "
              "`when resolved -> OUTCOME`, or mark the last stage `final`");
  }
}

void checkCycles(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  const ast::Procedure &p = m.procedure();
  if (p.overall && p.overall->limit.unit != ast::DurationUnit::Vague)
    return; // an overall bound limits any loop
  const RouteGraph &g = ctx.graph;
  const RouteGraph::Components &c = ctx.timing.components();
  std::vector<bool> reported(c.count, false);
  for (uint32_t s = 0; s < m.size(); ++s) {
    uint32_t comp = c.of[s];
    if (!c.cyclic[comp] || reported[comp])
      continue;
    reported[comp] = true;
    // A shortest way round: from a successor inside the loop back here.
    std::vector<uint32_t> loop;
    for (const Edge &e : g.successors(s)) {
      if (c.of[e.to] != comp)
        continue;
      std::vector<uint32_t> back;
      if (e.to != s) {
        uint32_t from = e.to;
        back = g.pathTo(std::span<const uint32_t>(&from, 1), s);
      }
      if (loop.empty() || back.size() + 1 < loop.size()) {
        loop = {g.edgeIndex(e)};
        loop.insert(loop.end(), back.begin(), back.end());
      }
    }
    auto b = ctx.diags.report(
        DiagKind::UnboundedCycle, m[s].stage->name.range,
        fmt::format("the route {} is a loop an escalation can go round "
                    "without end, and nothing limits how long that takes",
                    describeRoute(g, loop)));
    for (uint32_t e : loop)
      if (const Route *r = g.edge(e).route)
        b.note(r->transition->range, "this route is part of the loop");
    b.note("add an `overall within` bound to the procedure, or a way out of "
           "the loop that does not lead back into it");
  }
}

void checkPreconditions(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  const RouteGraph &g = ctx.graph;
  const std::vector<uint32_t> &entries = g.entries();
  for (uint32_t s = 0; s < m.size(); ++s) {
    if (!ctx.reachable[s])
      continue;
    for (const ast::Requirement &req : m[s].stage->body.requirements) {
      for (const ast::Name &name : req.stages) {
        std::optional<int32_t> r = m.stageIndex(name.text);
        if (!r)
          continue;
        if (*r == static_cast<int32_t>(s)) {
          ctx.diags
              .report(DiagKind::PreconditionViolated, name.range,
                      fmt::format("stage `{}` requires itself to have been "
                                  "used first, which cannot be so the first "
                                  "time it is reached",
                                  m[s].name()))
              .note(fmt::format("remove `{}` from this line", name.text));
          continue;
        }
        uint32_t from = static_cast<uint32_t>(*r);
        // Never met: no route to the stage passes the one it requires.
        if (!ctx.reachable[from] ||
            !g.reachable(std::span<const uint32_t>(&from, 1))[s]) {
          ctx.diags
              .report(DiagKind::PreconditionViolated, name.range,
                      fmt::format("stage `{}` requires `{}` to have been used "
                                  "first, but no route to `{}` passes "
                                  "through `{}`, so the requirement can "
                                  "never be met",
                                  m[s].name(), name.text, m[s].name(),
                                  name.text))
              .note(m[from].stage->name.range,
                    fmt::format("`{}` is defined here", name.text));
          continue;
        }
        // Sometimes broken: some route reaches the stage without it.
        std::vector<uint32_t> path = g.pathTo(entries, s, from);
        bool isEntry =
            std::find(entries.begin(), entries.end(), s) != entries.end();
        if (!isEntry && path.empty())
          continue;
        bool skips = false;
        for (uint32_t e : path)
          skips |= g.edge(e).kind != EdgeKind::Route;
        std::string route = describeRoute(g, path);
        std::string how =
            isEntry || route.empty() || route == "`" + m[s].name() + "`"
                ? fmt::format("an escalation can start at `{}`", m[s].name())
                : fmt::format("the route {} reaches it", route);
        auto b = ctx.diags.report(
            DiagKind::PreconditionViolated, name.range,
            fmt::format("stage `{}` requires `{}` to have been used first, "
                        "but {}{} without passing `{}`",
                        m[s].name(), name.text,
                        skips ? "as stages may be skipped, " : "", how,
                        name.text));
        if (skips)
          b.note(*m.procedure().skippable,
                 "stages may be skipped in this procedure, so any stage "
                 "can be reached without those before it");
      }
    }
  }
}

} // namespace

void checkStructure(const CheckContext &ctx) {
  const ProcedureModel &m = ctx.model;
  if (m.size() == 0) {
    ctx.diags
        .report(DiagKind::NoStart, m.procedure().name.range,
                fmt::format("procedure `{}` has no stages, so an escalation "
                            "has nowhere to start",
                            m.procedure().name.text))
        .note("add the stages of the procedure, each starting with a line "
              "such as `stage one \"Stage 1 – ...\"`");
    return;
  }
  checkReachability(ctx);
  checkDeadEnds(ctx);
  checkRouteConditions(ctx);
  checkConditions(ctx);
  checkOutcomes(ctx);
  checkCycles(ctx);
  checkPreconditions(ctx);
}

} // namespace escalade::sema
