// NameResolver.h — checks that every name in a file refers to something
// declared, of the right kind: `undefined-name`, `undefined-stage-reference`,
// `undeclared-recipient`, `undeclared-fact`, `wrong-kind-of-name`, and
// `duplicate-definition`. Names written on lines that failed to parse are
// not reported: their line's syntax error already explains them.
#pragma once

#include "ast/AST.h"
#include "diagnostics/DiagnosticEngine.h"

namespace escalade::sema {

void resolveNames(const ast::File &file, diag::DiagnosticEngine &diags);

} // namespace escalade::sema
