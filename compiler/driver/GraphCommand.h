// GraphCommand.h — `escc graph`: draw a procedure's flowchart as DOT,
// Mermaid or SVG (through Graphviz's `dot`).
#pragma once

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace escalade::driver {

enum class GraphFormat { Dot, Mermaid, Svg };

struct GraphOptions {
  std::vector<std::string> paths;
  std::string procedure; ///< `--procedure NAME`; empty: the only one.
  GraphFormat format = GraphFormat::Dot;
  std::string output; ///< `-o PATH` ("-" or empty: standard output).
  std::string outDir; ///< `--out-dir DIR`: one file per procedure.
  bool colors = false;
};

/// The file name extension of a format: "dot", "mmd", "svg".
const char *graphExtension(GraphFormat format);

/// 0 when every drawing was written; 1 when a file had errors and was left
/// out; 2 for usage, input/output problems, or Graphviz missing or failing.
int runGraph(const GraphOptions &options, llvm::raw_ostream &out,
             llvm::raw_ostream &err);

} // namespace escalade::driver
