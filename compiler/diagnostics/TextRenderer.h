// TextRenderer.h — prints findings the way clang does: file:line:col, the
// severity, the message with the check's name, the source line and a caret
// under the exact range; notes and fixes follow. Colour only when asked.
// Columns in the header count characters (code points), not bytes.
#pragma once

#include "diagnostics/DiagnosticEngine.h"
#include "source/SourceManager.h"

#include "llvm/Support/raw_ostream.h"

namespace escalade::diag {

class TextRenderer {
public:
  TextRenderer(const source::SourceManager &sources, llvm::raw_ostream &out,
               bool colors)
      : Sources(sources), Out(out), Colors(colors) {}

  void render(const Diagnostic &d);
  void renderAll(const DiagnosticEngine &engine) {
    for (const Diagnostic &d : engine.diagnostics())
      render(d);
  }

private:
  void print(uint32_t file, SourceRange range, Severity severity,
             const std::string &message, const std::vector<FixIt> &fixes);

  const source::SourceManager &Sources;
  llvm::raw_ostream &Out;
  bool Colors;
};

} // namespace escalade::diag
