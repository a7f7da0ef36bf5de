// Checks.h — the gap analyses, grouped as the product brief groups them.
// Each group is one function over a resolved procedure; they share the
// procedure's model, route graph and timing analysis through CheckContext.
#pragma once

#include "diagnostics/DiagnosticEngine.h"
#include "sema/Timing.h"

#include <chrono>

namespace escalade::sema {

struct CheckOptions {
  /// "Today", for `review-overdue`: the day the check runs, unless a test
  /// or a reproducible build fixes it.
  std::chrono::sys_days today;
  const runtime::WorkingDayCalendar *calendar = nullptr;
  /// False for `--parse-only`: syntax and names, none of the analyses.
  bool analyses = true;
};

struct CheckContext {
  const ProcedureModel &model;
  const RouteGraph &graph;
  const TimingAnalysis &timing;
  diag::DiagnosticEngine &diags;
  const CheckOptions &options;
  /// Nodes reachable from the entries; computed once, used by several.
  std::vector<bool> reachable;
};

/// no-start, unreachable-stage, dead-end-stage, incomplete-routes,
/// unreachable-route, unsatisfiable-condition, no-outcome-path,
/// unbounded-cycle, precondition-violated.
void checkStructure(const CheckContext &ctx);
/// missing-timescale, vague-timescale, timescale-bound-exceeded,
/// unverifiable-bound, target-after-limit, conflicting-timescales.
void checkTiming(const CheckContext &ctx);
/// timescale-bound-exceeded, unverifiable-bound: part of checkTiming.
void checkBounds(const CheckContext &ctx);
/// missing-owner, escalation-not-upward, agency-mismatch,
/// unused-declaration.
void checkPeople(const CheckContext &ctx);
/// missing-urgent-route, missing-record, final-stage-without-decision-maker,
/// review-overdue.
void checkPractice(const CheckContext &ctx);

/// "`one` → `two` → `three`": the parts of a route joined by arrows; a
/// route of more than 9 parts shows its first and last four and how many
/// lie between, so a message stays readable (and small) on a long route.
std::string joinRoute(const std::vector<std::string> &parts);

/// "`one` → `two` → `three`": stage names along a route of graph edges,
/// lane nodes left out.
std::string describeRoute(const RouteGraph &graph,
                          const std::vector<uint32_t> &edges);

} // namespace escalade::sema
