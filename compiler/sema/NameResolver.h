// NameResolver.h — checks that every name in a file refers to something
// declared, of the right kind: `undefined-name`, `undefined-stage-reference`,
// `undeclared-recipient`, `undeclared-fact`, `wrong-kind-of-name`, and
// `duplicate-definition`. Procedures with syntax errors are skipped.
#pragma once

#include "ast/AST.h"
#include "diagnostics/DiagnosticEngine.h"

namespace escalade::sema {

void resolveNames(const ast::File &file, diag::DiagnosticEngine &diags);

} // namespace escalade::sema
