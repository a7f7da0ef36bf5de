// ProcedureModel.cpp — resolving a procedure's stages and routes once, for
// every check to read.
#include "sema/ProcedureModel.h"

#include <algorithm>

namespace escalade::sema {

ProcedureModel::ProcedureModel(const ast::File &file,
                               const ast::Procedure &procedure)
    : File(&file), Procedure(&procedure), Symbols(procedure) {
  Stages.reserve(procedure.stages.size());
  for (const ast::Stage &s : procedure.stages) {
    StageInfo info;
    info.stage = &s;
    info.final = s.body.final.has_value();
    resolveRoutes(info, s.body, false);
    if (procedure.everyStage)
      resolveRoutes(info, procedure.everyStage->body, true);
    // `every stage` routes to a stage do not apply to that stage itself:
    // "when urgent -> protect" does not send the urgent stage round again.
    int32_t self = static_cast<int32_t>(Stages.size());
    std::erase_if(info.routes, [&](const Route &r) {
      return r.fromEveryStage && r.kind == TargetKind::Stage && r.stage == self;
    });
    Stages.push_back(std::move(info));
  }
  for (const StageInfo &info : Stages)
    for (const Route &r : info.routes)
      if (r.fromEveryStage &&
          std::none_of(
              EveryStageRoutes.begin(), EveryStageRoutes.end(),
              [&](const Route &e) { return e.transition == r.transition; }))
        EveryStageRoutes.push_back(r);
  std::sort(EveryStageRoutes.begin(), EveryStageRoutes.end(),
            [](const Route &a, const Route &b) {
              return a.transition < b.transition;
            });
  if (!Stages.empty())
    Start = 0;
  if (procedure.start)
    if (std::optional<int32_t> s = stageIndex(procedure.start->name.text))
      Start = *s;
  // Routes from other procedures of the file straight into one of ours.
  for (const ast::Procedure &other : file.procedures) {
    if (&other == &procedure)
      continue;
    auto scan = [&](const ast::StageBody &body) {
      for (const ast::Transition &t : body.transitions)
        if (t.target.procedure &&
            t.target.procedure->text == procedure.name.text)
          if (std::optional<int32_t> s = stageIndex(t.target.name.text))
            EnteredFromOutside.push_back(*s);
    };
    for (const ast::Stage &s : other.stages)
      scan(s.body);
    if (other.everyStage)
      scan(other.everyStage->body);
  }
  resolveTimescales();
}

std::optional<int32_t> ProcedureModel::stageIndex(llvm::StringRef name) const {
  const Symbol *s = Symbols.lookup(name);
  if (!s || s->kind != KindStage)
    return std::nullopt;
  return static_cast<int32_t>(s->stage - Procedure->stages.data());
}

const ast::Declaration *
ProcedureModel::declaration(llvm::StringRef name) const {
  const Symbol *s = Symbols.lookup(name);
  return s ? s->declaration : nullptr;
}

void ProcedureModel::resolveRoutes(StageInfo &info, const ast::StageBody &body,
                                   bool everyStage) {
  for (const ast::Transition &t : body.transitions) {
    Route r;
    r.transition = &t;
    r.fromEveryStage = everyStage;
    if (t.target.procedure) {
      r.kind = TargetKind::OtherStage;
    } else if (const Symbol *s = Symbols.lookup(t.target.name.text)) {
      switch (s->kind) {
      case KindStage:
        r.kind = TargetKind::Stage;
        r.stage = static_cast<int32_t>(s->stage - Procedure->stages.data());
        break;
      case KindOutcome:
        r.kind = TargetKind::Outcome;
        break;
      case KindProcess:
        r.kind = TargetKind::Process;
        break;
      default:
        r.kind = TargetKind::Unresolved;
        break;
      }
    } else {
      bool isProcedure = false;
      for (const ast::Procedure &p : File->procedures)
        isProcedure |= p.name.text == t.target.name.text;
      r.kind = isProcedure ? TargetKind::Procedure : TargetKind::Unresolved;
    }
    info.routes.push_back(r);
  }
}

void ProcedureModel::resolveTimescales() {
  const ast::Timescale *everyRespond =
      Procedure->everyStage && Procedure->everyStage->body.respond
          ? &*Procedure->everyStage->body.respond
          : nullptr;
  for (StageInfo &info : Stages) {
    const ast::StageBody &body = info.stage->body;
    if (body.respond) {
      info.respond = &*body.respond;
      info.respondSource = TimescaleSource::Own;
    }
    if (body.begin)
      info.begin = &*body.begin;
    // `timescale same as X`: what the stage does not give itself comes
    // from X, or from whatever X borrows in turn; a loop ends the search.
    if (body.sameTimescaleAs) {
      std::optional<int32_t> at = stageIndex(body.sameTimescaleAs->stage.text);
      std::vector<bool> seen(Stages.size(), false);
      while (at && !seen[*at] && (!info.respond || !info.begin)) {
        seen[*at] = true;
        const ast::StageBody &from = Stages[*at].stage->body;
        if (!info.respond && from.respond) {
          info.respond = &*from.respond;
          info.respondSource = TimescaleSource::SameAs;
          info.respondFrom = *at;
        }
        if (!info.begin && from.begin) {
          info.begin = &*from.begin;
          info.beginFrom = *at;
        }
        if (!from.sameTimescaleAs)
          break;
        at = stageIndex(from.sameTimescaleAs->stage.text);
      }
    }
    if (!info.respond && everyRespond) {
      info.respond = everyRespond;
      info.respondSource = TimescaleSource::EveryStage;
    }
  }
  // A begin borrowed from stage X and measured from the end of a stage that
  // leads to X means, for the borrowing stage, the end of its own
  // predecessor: "the same timescale as Stage 2" is one working day after
  // the stage before, not after Stage 1 again.
  for (StageInfo &info : Stages) {
    if (info.beginFrom < 0 || !info.begin->anchor ||
        info.begin->anchor->point != ast::AnchorPoint::End)
      continue;
    std::optional<int32_t> anchor = stageIndex(info.begin->anchor->stage.text);
    if (!anchor)
      continue;
    for (const Route &r : Stages[*anchor].routes)
      if (r.kind == TargetKind::Stage && r.stage == info.beginFrom)
        info.beginFromPredecessor = true;
  }
}

} // namespace escalade::sema
