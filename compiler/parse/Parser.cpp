// Parser.cpp — runs the generated lexer and parser over one file.
//
// Two passes, the usual way to make ANTLR fast: first the SLL prediction
// mode with errors bailing out silently; only if that fails, a second pass
// in full LL mode with our error strategy, which reports and recovers.
#include "parse/Parser.h"

#include "parse/ASTBuilder.h"
#include "parse/SourceText.h"
#include "parse/SyntaxErrorStrategy.h"
#include "parse/TokenFilter.h"

#include "ANTLRInputStream.h"
#include "BailErrorStrategy.h"
#include "CommonTokenStream.h"
#include "EscaladeLexer.h"
#include "EscaladeParser.h"
#include "Exceptions.h"
#include "atn/ParserATNSimulator.h"
#include "atn/PredictionMode.h"

#include <fmt/format.h>

namespace escalade::parse {

using generated::EscaladeLexer;
using generated::EscaladeParser;

ast::File parseFile(const source::SourceManager &sources, uint32_t file,
                    diag::DiagnosticEngine &diags) {
  ast::File result;
  result.fileId = file;
  size_t mark = diags.size();
  llvm::StringRef text = sources.text(file);
  if (!checkSourceText(text, file, diags)) {
    result.hasSyntaxErrors = true;
    return result;
  }
  size_t bom = bomLength(text);
  OffsetMap offsets(text, static_cast<uint32_t>(bom));
  SyntaxErrorReporter reporter(diags, file, offsets);

  try {
    antlr4::ANTLRInputStream input(text.drop_front(bom).str());
    EscaladeLexer lexer(&input);
    lexer.removeErrorListeners();
    TokenFilter filter(lexer, reporter);
    antlr4::CommonTokenStream tokens(&filter);
    EscaladeParser parser(&tokens);
    parser.removeErrorListeners();

    EscaladeParser::FileContext *tree = nullptr;
    auto *simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
    simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
      tree = parser.file();
    } catch (const antlr4::ParseCancellationException &) {
      tokens.seek(0);
      parser.reset();
      simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
      parser.setErrorHandler(std::make_shared<SyntaxErrorStrategy>(reporter));
      tree = parser.file();
    }
    buildAST(tree, tokens, result, reporter);
  } catch (const std::exception &e) {
    // Not expected: ANTLR failed in a way our strategy did not absorb. Say
    // so as a finding rather than crash.
    diags.reportFile(diag::DiagKind::SyntaxError, file,
                     fmt::format("the parser stopped unexpectedly ({}); "
                                 "please report this with the file",
                                 e.what()));
    result.hasSyntaxErrors = true;
  }
  reporter.flush();

  if (result.procedures.empty() && !result.hasSyntaxErrors &&
      diags.errorsSince(mark) == 0)
    diags.reportFile(diag::DiagKind::NoProcedure, file,
                     "this file contains no procedure; a procedure file "
                     "starts with a line such as `procedure medway "
                     "\"Medway Safeguarding Children Partnership – Escalation "
                     "Policy\"`");
  return result;
}

} // namespace escalade::parse
