// ASTBuilder.h — turns ANTLR's parse tree (a list of lines) into our AST
// (procedures holding stages holding clauses). A clause belongs to the
// nearest `stage` or `every stage` line above it. Lines that failed to parse
// are skipped; their procedure is marked so later checks leave it alone.
// Private to the parse layer: only it sees generated ANTLR types.
#pragma once

#include "ast/AST.h"
#include "parse/SyntaxErrorReporter.h"

#include "CommonTokenStream.h"
#include "EscaladeParser.h"

namespace escalade::parse {

/// Builds `file` from a parse tree and collects comments from `tokens`.
void buildAST(generated::EscaladeParser::FileContext *tree,
              antlr4::CommonTokenStream &tokens, ast::File &file,
              SyntaxErrorReporter &reporter);

} // namespace escalade::parse
