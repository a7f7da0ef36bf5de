// Checker.cpp — running the checks in order over a file.
#include "sema/Checker.h"

#include "sema/NameResolver.h"
#include "sema/Suppressions.h"

namespace escalade::sema {

void checkFile(const ast::File &file, diag::DiagnosticEngine &diags,
               const CheckOptions &options) {
  size_t mark = diags.size();
  resolveNames(file, diags);
  std::vector<bool> analysed(file.procedures.size(), false);
  for (size_t i = 0; i < file.procedures.size(); ++i) {
    const ast::Procedure &p = file.procedures[i];
    if (!options.analyses || p.hasSyntaxErrors || p.name.text.empty())
      continue;
    // A procedure with errors in its names is analysed once they are
    // fixed: its routes and roles mean nothing certain before then.
    source::SourceRange extent = procedureExtent(file, i);
    bool errors = false;
    for (size_t k = mark; k < diags.size(); ++k) {
      const diag::Diagnostic &d = diags.diagnostics()[k];
      errors |= d.severity == diag::Severity::Error && d.range.isValid() &&
                d.range.file == extent.file && d.range.begin >= extent.begin &&
                d.range.begin < extent.end;
    }
    if (errors)
      continue;
    ProcedureModel model(file, p);
    RouteGraph graph(model);
    TimingAnalysis timing(graph, *options.calendar);
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
