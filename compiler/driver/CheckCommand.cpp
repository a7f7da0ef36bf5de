// CheckCommand.cpp — the check command: front end, then one renderer.
#include "driver/CheckCommand.h"

#include "diagnostics/GithubRenderer.h"
#include "diagnostics/JsonRenderer.h"
#include "diagnostics/SarifRenderer.h"
#include "diagnostics/TextRenderer.h"
#include "driver/ASTDumper.h"
#include "driver/Frontend.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/WithColor.h"

#include <fmt/format.h>

namespace escalade::driver {

static constexpr const char *ToolVersion = "0.1.0";

static std::string plural(size_t n, const char *one, const char *many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

static void printSummary(const Frontend &fe, const diag::DiagnosticEngine &d,
                         llvm::raw_ostream &out) {
  std::string checked =
      fmt::format("checked {} ({})", plural(fe.files().size(), "file", "files"),
                  plural(fe.procedureCount(), "procedure", "procedures"));
  unsigned errors = d.errorCount(), warnings = d.warningCount();
  if (errors == 0 && warnings == 0)
    out << checked << ": no problems found\n";
  else
    out << checked << ": " << plural(errors, "error", "errors") << " and "
        << plural(warnings, "warning", "warnings") << "\n";
}

static llvm::json::Value jsonReport(Frontend &fe) {
  llvm::json::Array files;
  for (const ast::File &f : fe.files()) {
    llvm::json::Array procedures;
    for (const ast::Procedure &p : f.procedures)
      procedures.push_back(p.name.text);
    files.push_back(llvm::json::Object{{"path", fe.sources().path(f.fileId)},
                                       {"procedures", std::move(procedures)}});
  }
  llvm::json::Array problems;
  for (const std::string &p : fe.inputProblems())
    problems.push_back(p);
  const diag::DiagnosticEngine &d = fe.diagnostics();
  return llvm::json::Object{
      {"format", "escalade-check"},
      {"version", 1},
      {"files", std::move(files)},
      {"diagnostics", diag::diagnosticsToJson(fe.sources(), d)},
      {"inputProblems", std::move(problems)},
      {"summary",
       llvm::json::Object{{"files", int64_t(fe.files().size())},
                          {"procedures", int64_t(fe.procedureCount())},
                          {"errors", d.errorCount()},
                          {"warnings", d.warningCount()}}},
      {"exitCode", fe.exitCode()}};
}

int runCheck(const CheckOptions &options, llvm::raw_ostream &out,
             llvm::raw_ostream &err) {
  Frontend fe;
  diag::DiagnosticEngine &diags = fe.diagnostics();
  diags.setWarningsAsErrors(options.warningsAsErrors);
  for (auto [kind, severity] : options.severities)
    diags.setSeverity(kind, severity);
  sema::CheckOptions checks;
  checks.today = options.today;
  checks.calendar = &runtime::WorkingDayCalendar::englandAndWales();
  checks.analyses = !options.parseOnly;
  fe.load(options.paths);
  fe.analyze(checks);
  for (const std::string &problem : fe.inputProblems())
    llvm::WithColor::error(err, "escc", /*DisableColors=*/!options.colors)
        << problem << "\n";

  switch (options.format) {
  case OutputFormat::Json:
    out << llvm::formatv("{0:2}", jsonReport(fe)) << "\n";
    return fe.exitCode();
  case OutputFormat::Sarif: {
    llvm::SmallString<256> cwd;
    llvm::sys::fs::current_path(cwd);
    diag::SarifRun run{ToolVersion, cwd.str().str(), fe.inputProblems()};
    out << llvm::formatv("{0:2}", diag::sarifLog(fe.sources(), diags, run))
        << "\n";
    return fe.exitCode();
  }
  case OutputFormat::Github:
    diag::renderGithub(fe.sources(), diags, out);
    return fe.exitCode();
  case OutputFormat::Text:
    break;
  }
  if (options.dumpAST)
    for (const ast::File &f : fe.files())
      dumpAST(f, fe.sources(), out);
  diag::TextRenderer(fe.sources(), out, options.colors)
      .renderAll(fe.diagnostics());
  if (!fe.files().empty())
    printSummary(fe, fe.diagnostics(), out);
  return fe.exitCode();
}

} // namespace escalade::driver
