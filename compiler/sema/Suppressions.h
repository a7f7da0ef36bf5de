// Suppressions.h — `allow NAME "why"`: sets aside findings of one check on
// a stage (the stage's lines) or on a procedure (everything in it), and
// reports `allow` lines that name no check, give no reason, or set nothing
// aside.
#pragma once

#include "ast/AST.h"
#include "diagnostics/DiagnosticEngine.h"

#include <vector>

namespace escalade::sema {

/// The byte range a procedure covers in its file: from its `procedure` line
/// to the next one (or the end of the file).
source::SourceRange procedureExtent(const ast::File &file, size_t index);

/// Applies the `allow` lines of `file` to the findings made since `mark`.
/// `analysed[i]` says whether procedure i was checked in full; an `allow`
/// in a procedure that was not is not reported as unused.
void applySuppressions(const ast::File &file, const std::vector<bool> &analysed,
                       diag::DiagnosticEngine &diags, size_t mark);

} // namespace escalade::sema
