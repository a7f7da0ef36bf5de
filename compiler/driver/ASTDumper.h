// ASTDumper.h — prints an AST as an indented outline with the position of
// every node (`escc check --dump-ast`), so tests can see exactly what the
// parser built.
#pragma once

#include "ast/AST.h"
#include "source/SourceManager.h"

#include "llvm/Support/raw_ostream.h"

namespace escalade::driver {

void dumpAST(const ast::File &file, const source::SourceManager &sources,
             llvm::raw_ostream &out);

} // namespace escalade::driver
