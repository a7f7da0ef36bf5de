// GithubRenderer.h — findings as GitHub Actions workflow commands
// (`::error file=…,line=…,col=…::message`), which a workflow run shows as
// annotations on the lines of a pull request.
#pragma once

#include "diagnostics/DiagnosticEngine.h"
#include "source/SourceManager.h"

#include "llvm/Support/raw_ostream.h"

namespace escalade::diag {

void renderGithub(const source::SourceManager &sources,
                  const DiagnosticEngine &engine, llvm::raw_ostream &out);

} // namespace escalade::diag
