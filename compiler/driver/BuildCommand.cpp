// BuildCommand.cpp — check, lower to a table, write it atomically.
#include "driver/BuildCommand.h"

#include "calendar/BankHolidays.h"
#include "diagnostics/TextRenderer.h"
#include "driver/Frontend.h"
#include "driver/OutputFiles.h"
#include "emit/TableBuilder.h"
#include "emit/TableJson.h"
#include "table/TableFormat.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace escalade::driver {

namespace {

std::optional<runtime::WorkingDayCalendar>
loadCalendar(const BuildOptions &options, std::string &error) {
  if (options.calendarFile.empty())
    return runtime::WorkingDayCalendar::englandAndWales();
  auto buffer = llvm::MemoryBuffer::getFile(options.calendarFile);
  if (!buffer) {
    error = fmt::format("cannot read '{}': {}", options.calendarFile,
                        buffer.getError().message());
    return std::nullopt;
  }
  std::string why;
  std::optional<runtime::WorkingDayCalendar> calendar =
      runtime::calendarFromJson((*buffer)->getBuffer(), options.division, why);
  if (!calendar)
    error = fmt::format("{}: {}", options.calendarFile, why);
  return calendar;
}

} // namespace

int runBuild(const BuildOptions &options, llvm::raw_ostream &out,
             llvm::raw_ostream &err) {
  auto fail = [&](const std::string &message) {
    llvm::WithColor::error(err, "escc", !options.colors) << message << "\n";
    return 2;
  };
  if (!options.calendarFile.empty() && options.division.empty())
    return fail("--calendar needs --division too, such as --division "
                "scotland: a bank-holidays file holds several calendars");
  if (options.calendarFile.empty() && !options.division.empty())
    return fail("--division needs --calendar FILE: the built-in calendar is "
                "England and Wales");
  std::string error;
  std::optional<runtime::WorkingDayCalendar> calendar =
      loadCalendar(options, error);
  if (!calendar)
    return fail(error);

  Frontend fe;
  fe.load(options.paths);
  if (fe.files().empty() && fe.inputProblems().empty() && options.paths.empty())
    return fail("nothing to build; give a procedure file, as in 'escc build "
                "policies/medway.esc -o medway.esct'");
  sema::CheckOptions checks;
  checks.calendar = &*calendar;
  checks.today =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  fe.analyze(checks);
  for (const std::string &problem : fe.inputProblems())
    llvm::WithColor::error(err, "escc", !options.colors) << problem << "\n";
  if (!options.output.empty() && fe.files().size() > 1)
    return fail("-o names one output, but there are several input files; "
                "use --out-dir DIR to write one table for each");

  // Errors are shown; warnings are left to `escc check`, and counted.
  diag::DiagnosticEngine &diags = fe.diagnostics();
  diag::TextRenderer renderer(fe.sources(), err, options.colors);
  for (const diag::Diagnostic &d : diags.diagnostics())
    if (d.severity == diag::Severity::Error)
      renderer.render(d);

  if (!options.outDir.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(options.outDir))
      return fail("cannot make the folder '" + options.outDir +
                  "': " + ec.message());
  int status = fe.inputProblems().empty() ? 0 : 2;
  OutputPlan outputs(fe);
  for (const ast::File &file : fe.files()) {
    llvm::StringRef path = fe.sources().path(file.fileId);
    unsigned errors = 0, warnings = 0;
    for (const diag::Diagnostic &d : diags.diagnostics()) {
      if (d.fileId() != file.fileId)
        continue;
      errors += d.severity == diag::Severity::Error;
      warnings += d.severity == diag::Severity::Warning;
    }
    if (errors > 0) {
      err << fmt::format("escc: {} not built: {} error{}; nothing was "
                         "written\n",
                         path.str(), errors, errors == 1 ? "" : "s");
      status = std::max(status, 1);
      continue;
    }
    table::Table t = emit::buildTable(file, *calendar);
    std::string bytes =
        options.emit == EmitKind::Json
            ? llvm::formatv("{0:2}\n", emit::tableToJson(t)).str()
            : table::writeTable(t);
    std::string target = options.output;
    if (target.empty()) {
      llvm::SmallString<256> p(options.outDir.empty()
                                   ? llvm::sys::path::parent_path(path)
                                   : llvm::StringRef(options.outDir));
      llvm::sys::path::append(
          p, llvm::sys::path::stem(path) +
                 (options.emit == EmitKind::Json ? ".json" : ".esct"));
      target = std::string(p.str());
    }
    if (!outputs.write(target, bytes, "table", error)) {
      llvm::WithColor::error(err, "escc", !options.colors) << error << "\n";
      status = 2;
      continue;
    }
    if (target != "-") {
      size_t stages = t.stages.size(), procs = t.procedures.size();
      out << fmt::format(
          "built {}: {} procedure{}, {} stage{}, {} bytes{}\n", target, procs,
          procs == 1 ? "" : "s", stages, stages == 1 ? "" : "s", bytes.size(),
          warnings ? fmt::format(" ({} warning{}: see escc "
                                 "check)",
                                 warnings, warnings == 1 ? "" : "s")
                   : "");
    }
  }
  return status;
}

} // namespace escalade::driver
