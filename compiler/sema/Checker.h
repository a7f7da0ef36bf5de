// Checker.h — everything `escc check` finds in one parsed file: names,
// then the gap analyses of each procedure that has no errors, then the
// `allow` lines applied.
#pragma once

#include "sema/Checks.h"

namespace escalade::sema {

void checkFile(const ast::File &file, diag::DiagnosticEngine &diags,
               const CheckOptions &options);

} // namespace escalade::sema
