// Checker.cpp — running the checks in order over a file.
#include "sema/Checker.h"

#include "sema/NameResolver.h"
#include "sema/Suppressions.h"

namespace escalade::sema {

void checkFile(const ast::File &file, diag::DiagnosticEngine &diags,
               const CheckOptions &options) {
  size_t mark = diags.size();
  resolveNames(file, diags);
  // Errors found while reading the file count as much as those in names.
  auto errorIn = [&](source::SourceRange extent) {
    for (const diag::Diagnostic &d : diags.diagnostics())
      if (d.severity == diag::Severity::Error && d.range.isValid() &&
          d.range.file == extent.file && d.range.begin >= extent.begin &&
          d.range.begin < extent.end)
        return true;
    return false;
  };
  std::vector<bool> analysed(file.procedures.size(), false);
  // Work allowed for working out dates day by day, across the whole file
  // (see TimingAnalysis::searchDates): about a second at most.
  uint64_t dateSearchBudget = 100'000'000;
  for (size_t i = 0; i < file.procedures.size(); ++i) {
    const ast::Procedure &p = file.procedures[i];
    if (!options.analyses || p.hasSyntaxErrors || p.name.text.empty())
      continue;
    // A procedure with errors (a number out of range, a name that means
    // nothing) is analysed once they are fixed: its routes and timescales
    // mean nothing certain before then.
    if (errorIn(procedureExtent(file, i)))
      continue;
    ProcedureModel model(file, p);
    RouteGraph graph(model);
    TimingAnalysis timing(graph, *options.calendar, &dateSearchBudget);
    CheckContext ctx{model, graph,   timing,
                     diags, options, graph.reachable(graph.entries())};
    checkStructure(ctx);
    checkTiming(ctx);
    checkPeople(ctx);
    checkPractice(ctx);
    analysed[i] = true;
  }
  applySuppressions(file, analysed, diags, mark);
}

} // namespace escalade::sema
