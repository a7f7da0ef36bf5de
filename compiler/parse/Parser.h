// Parser.h — the parse layer's public face: text in, AST and diagnostics
// out. Nothing outside compiler/parse/ sees ANTLR; ANTLR's exceptions are
// caught here.
#pragma once

#include "ast/AST.h"
#include "diagnostics/DiagnosticEngine.h"
#include "source/SourceManager.h"

#include "llvm/Support/Error.h"

namespace escalade::parse {

/// Parses one loaded file. Syntax errors are reported to `diags` (several
/// per run, at most one per line); the AST holds every line that parsed.
/// An error is returned only when the parser itself fails, which is a fault
/// of the tool rather than of the procedure.
llvm::Expected<ast::File> parseFile(const source::SourceManager &sources,
                                    uint32_t file,
                                    diag::DiagnosticEngine &diags);

} // namespace escalade::parse
