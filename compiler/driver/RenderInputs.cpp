// RenderInputs.cpp — checked inputs and procedure lookup for rendering.
#include "driver/RenderInputs.h"

#include "diagnostics/TextRenderer.h"
#include "sema/Suggest.h"

#include "llvm/Support/WithColor.h"

#include <fmt/format.h>

#include <algorithm>

namespace escalade::driver {

void loadForRendering(RenderInputs &in, const std::vector<std::string> &paths,
                      bool colors, const char *verb, llvm::raw_ostream &err) {
  in.fe.load(paths);
  sema::CheckOptions checks;
  checks.calendar = &runtime::WorkingDayCalendar::englandAndWales();
  checks.today =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  in.fe.analyze(checks);
  for (const std::string &problem : in.fe.inputProblems())
    llvm::WithColor::error(err, "escc", !colors) << problem << "\n";
  in.status = in.fe.inputProblems().empty() ? 0 : 2;

  diag::DiagnosticEngine &diags = in.fe.diagnostics();
  diag::TextRenderer renderer(in.fe.sources(), err, colors);
  for (const diag::Diagnostic &d : diags.diagnostics())
    if (d.severity == diag::Severity::Error)
      renderer.render(d);
  for (const ast::File &file : in.fe.files()) {
    unsigned errors = 0;
    for (const diag::Diagnostic &d : diags.diagnostics())
      errors +=
          d.fileId() == file.fileId && d.severity == diag::Severity::Error;
    if (errors == 0) {
      in.files.push_back(&file);
      continue;
    }
    err << fmt::format("escc: {}: nothing was {}: {} error{}, shown above\n",
                       in.fe.sources().path(file.fileId).str(), verb, errors,
                       errors == 1 ? "" : "s");
    in.status = std::max(in.status, 1);
  }
}

std::string procedureNames(const RenderInputs &in) {
  std::vector<std::string> names;
  for (const ast::File *f : in.files)
    for (const ast::Procedure &p : f->procedures)
      names.push_back("`" + p.name.text + "`");
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

std::optional<ProcedureChoice>
findProcedure(const RenderInputs &in, const std::string &name, bool colors,
              llvm::raw_ostream &err, int &status) {
  std::vector<llvm::StringRef> all;
  std::vector<ProcedureChoice> found;
  for (const ast::File &f : in.fe.files())
    for (const ast::Procedure &p : f.procedures) {
      if (p.name.text == name)
        found.push_back({&f, &p});
      all.push_back(p.name.text);
    }
  auto path = [&](const ProcedureChoice &c) {
    return in.fe.sources().path(c.file->fileId).str();
  };
  if (found.size() > 1) {
    llvm::WithColor::error(err, "escc", !colors) << fmt::format(
        "--procedure {}: there is a procedure of that name in both {} and "
        "{}; give only the file you mean\n",
        name, path(found[0]), path(found[1]));
    status = 2;
    return std::nullopt;
  }
  if (found.size() == 1) {
    if (std::find(in.files.begin(), in.files.end(), found[0].file) !=
        in.files.end())
      return found[0];
    // Its file has errors, already shown and counted.
    status = std::max(in.status, 1);
    return std::nullopt;
  }
  std::string message =
      fmt::format("--procedure {}: there is no such procedure", name);
  if (std::optional<std::string> near = sema::closestName(name, all))
    message += fmt::format("; did you mean '{}'?", *near);
  else if (!all.empty())
    message += "; the procedures are " + procedureNames(in);
  llvm::WithColor::error(err, "escc", !colors) << message << "\n";
  status = 2;
  return std::nullopt;
}

} // namespace escalade::driver
