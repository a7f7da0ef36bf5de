// Parser.cpp — runs the generated lexer and parser over one file.
//
// Two passes, the usual way to make ANTLR fast: first the SLL prediction
// mode with errors bailing out silently; only if that fails, a second pass
// in full LL mode with our error strategy, which reports and recovers.
#include "parse/Parser.h"

#include "parse/ASTBuilder.h"
#include "parse/LineForms.h"
#include "parse/SourceText.h"
#include "parse/SyntaxErrorStrategy.h"
#include "parse/TokenFilter.h"
#include "source/Utf8.h"

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

llvm::Expected<ast::File> parseFile(const source::SourceManager &sources,
                                    uint32_t file,
                                    diag::DiagnosticEngine &diags) {
  ast::File result;
  result.fileId = file;
  size_t mark = diags.size();
  llvm::StringRef text = sources.text(file);
  if (!checkSourceText(text, file, diags)) {
    result.hasSyntaxErrors = true;
    return result;
  }
  // ANTLR's input stream drops one leading byte order mark itself, so its
  // code-point indices count from just after it.
  size_t bom = source::bomLength(std::string_view(text.data(), text.size()));
  OffsetMap offsets(text, static_cast<uint32_t>(bom));
  SyntaxErrorReporter reporter(diags, file, offsets);

  try {
    antlr4::ANTLRInputStream input(text.str());
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
    // Not expected: ANTLR failed in a way our strategy did not absorb. That
    // is a failure of the tool, not a mistake in the procedure.
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "internal error while parsing '%s' (%s); please report it with the "
        "file",
        sources.path(file).str().c_str(), e.what());
  }
  reporter.flush();

  if (result.procedures.empty() && !result.hasSyntaxErrors &&
      diags.errorsSince(mark) == 0)
    diags.reportFile(
        diag::DiagKind::NoProcedure, file,
        fmt::format("this file contains no procedure; a procedure file starts "
                    "with a line such as `{}`",
                    lineFormFor(EscaladeLexer::PROCEDURE)->example));
  return result;
}

} // namespace escalade::parse
