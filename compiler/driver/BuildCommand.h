// BuildCommand.h — `escc build`: check procedure files and compile each one
// without errors to a runtime table (binary `.esct`, or JSON). A file with
// errors is not built; nothing is left half-written.
#pragma once

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace escalade::driver {

enum class EmitKind { Table, Json };

struct BuildOptions {
  std::vector<std::string> paths;
  /// `-o`: the output for a single input file ("-" for standard output).
  std::string output;
  /// `--out-dir`: one table per input file, named after it.
  std::string outDir;
  EmitKind emit = EmitKind::Table;
  /// `--calendar FILE --division NAME`: a gov.uk-format bank-holidays file
  /// instead of the built-in England and Wales calendar.
  std::string calendarFile;
  std::string division;
  bool colors = false;
};

/// 0 when every table was written, 1 when a file had errors (and was not
/// built), 2 for usage or input/output problems.
int runBuild(const BuildOptions &options, llvm::raw_ostream &out,
             llvm::raw_ostream &err);

} // namespace escalade::driver
