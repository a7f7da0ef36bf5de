// RenderInputs.h — what `escc graph` and `escc doc` share: reading and
// checking the inputs (a file with errors is not rendered: a flowchart or
// document of a procedure that cannot run as written would mislead), and
// finding the procedure `--procedure NAME` asks for.
#pragma once

#include "driver/Frontend.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace escalade::driver {

struct RenderInputs {
  Frontend fe;
  /// The files without errors, in order.
  std::vector<const ast::File *> files;
  /// 2 for input problems, 1 for a file left out for its errors, else 0.
  int status = 0;
};

/// Loads and checks `paths`; shows input problems and errors on `err`, and
/// says of each file with errors that nothing was `verb` for it ("drawn").
void loadForRendering(RenderInputs &in, const std::vector<std::string> &paths,
                      bool colors, const char *verb, llvm::raw_ostream &err);

struct ProcedureChoice {
  const ast::File *file = nullptr;
  const ast::Procedure *procedure = nullptr;
};

/// The procedure called `name` in the inputs; or nothing, with `status`
/// the exit code: 1 when its file has errors (already shown), 2 when no
/// input, or more than one, has a procedure of that name (said on `err`).
std::optional<ProcedureChoice>
findProcedure(const RenderInputs &in, const std::string &name, bool colors,
              llvm::raw_ostream &err, int &status);

/// The procedures of `in` as "`a`, `b` and `c`".
std::string procedureNames(const RenderInputs &in);

} // namespace escalade::driver
