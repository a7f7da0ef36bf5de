// ProcedureModel.h — a procedure resolved for analysis: stages by index,
// each with its effective clauses (its own, with the `every stage` ones
// merged in and `timescale same as` followed), and its routes resolved to
// where they go. Built once per procedure; every check reads it.
#pragma once

#include "ast/AST.h"
#include "sema/SymbolTable.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace escalade::sema {

/// Where a route goes.
enum class TargetKind : uint8_t {
  Stage,      ///< A stage of this procedure.
  Outcome,    ///< An outcome of this procedure: the escalation ends.
  Process,    ///< Another process (complaints, whistleblowing): handed off.
  Procedure,  ///< Another procedure of the file, at its start.
  OtherStage, ///< A stage of another procedure (`suffolk.five`).
  Unresolved, ///< A name that resolves to nothing (already reported).
};

struct Route {
  const ast::Transition *transition = nullptr;
  bool fromEveryStage = false; ///< Written under `every stage`.
  TargetKind kind = TargetKind::Unresolved;
  int32_t stage = -1; ///< Target stage index, for TargetKind::Stage.

  ast::Trigger trigger() const { return transition->trigger; }
  const ast::Condition *guard() const {
    return transition->guard ? &*transition->guard : nullptr;
  }
  /// True when the route leaves the procedure for good or for another one.
  bool exits() const {
    return kind == TargetKind::Outcome || kind == TargetKind::Process ||
           kind == TargetKind::Procedure || kind == TargetKind::OtherStage;
  }
};

/// Where a stage's timescale comes from.
enum class TimescaleSource : uint8_t { None, Own, SameAs, EveryStage };

struct StageInfo {
  const ast::Stage *stage = nullptr;
  /// The stage's own routes, then those under `every stage`.
  std::vector<Route> routes;
  /// The effective `respond within`, and where it comes from.
  const ast::Timescale *respond = nullptr;
  TimescaleSource respondSource = TimescaleSource::None;
  /// The effective `begin within` (own, or via `timescale same as`).
  const ast::Timescale *begin = nullptr;
  /// The stages `timescale same as` found the `respond within` and the
  /// `begin within` at, when they were borrowed; -1 otherwise.
  int32_t respondFrom = -1;
  int32_t beginFrom = -1;
  /// For a `begin within ... from end of X` borrowed through `timescale
  /// same as` where X came before the stage it was borrowed from: the
  /// anchor is then read as the end of this stage's own predecessor.
  bool beginFromPredecessor = false;
  bool final = false;

  const std::string &name() const { return stage->name.text; }
};

class ProcedureModel {
public:
  ProcedureModel(const ast::File &file, const ast::Procedure &procedure);

  const ast::File &file() const { return *File; }
  const ast::Procedure &procedure() const { return *Procedure; }
  const ProcedureSymbols &symbols() const { return Symbols; }
  const std::vector<StageInfo> &stages() const { return Stages; }
  size_t size() const { return Stages.size(); }
  const StageInfo &operator[](size_t i) const { return Stages[i]; }

  /// The stage escalations start at: `start`, or the first stage. -1 if the
  /// procedure has no stages.
  int32_t start() const { return Start; }
  bool skippable() const { return Procedure->skippable.has_value(); }
  /// The routes written under `every stage`, each once, in source order
  /// (a stage lacks the one that leads to itself, so they are gathered
  /// from all stages).
  const std::vector<Route> &everyStageRoutes() const {
    return EveryStageRoutes;
  }
  /// Stages that other procedures of the file route into directly.
  const std::vector<int32_t> &enteredFromOutside() const {
    return EnteredFromOutside;
  }

  std::optional<int32_t> stageIndex(llvm::StringRef name) const;
  const ast::Declaration *declaration(llvm::StringRef name) const;

private:
  void resolveRoutes(StageInfo &info, const ast::StageBody &body,
                     bool everyStage);
  void resolveTimescales();

  const ast::File *File;
  const ast::Procedure *Procedure;
  ProcedureSymbols Symbols;
  std::vector<StageInfo> Stages;
  int32_t Start = -1;
  std::vector<int32_t> EnteredFromOutside;
  std::vector<Route> EveryStageRoutes; ///< Copies: a model may be moved.
};

} // namespace escalade::sema
