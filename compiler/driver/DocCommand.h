// DocCommand.h — `escc doc`: write the practitioner document of a procedure
// file as Markdown (flowchart as a Mermaid block) or as one self-contained
// HTML file (flowchart as inline SVG, drawn by Graphviz's `dot`).
#pragma once

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace escalade::driver {

enum class DocFormat { Markdown, Html };

struct DocOptions {
  std::vector<std::string> paths;
  std::string procedure; ///< `--procedure NAME`: that one alone.
  DocFormat format = DocFormat::Markdown;
  std::string output; ///< `-o PATH` ("-" or empty: standard output).
  std::string outDir; ///< `--out-dir DIR`: one document per file.
  bool colors = false;
};

const char *docExtension(DocFormat format);

/// 0 when every document was written; 1 when a file had errors and was
/// left out; 2 for usage or input/output problems, or Graphviz missing.
int runDoc(const DocOptions &options, llvm::raw_ostream &out,
           llvm::raw_ostream &err);

} // namespace escalade::driver
