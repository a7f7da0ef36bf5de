// SyntaxErrorStrategy.h — ANTLR's error recovery with our own words. ANTLR
// decides where a line went wrong and how to recover (to the end of the
// line, given the line-shaped grammar); this class decides what to say:
// "expected a timescale such as `5 working days` after `within`", never a
// list of token names.
#pragma once

#include "parse/SyntaxErrorReporter.h"

#include "DefaultErrorStrategy.h"

namespace escalade::parse {

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  explicit SyntaxErrorStrategy(SyntaxErrorReporter &reporter)
      : Reporter(reporter) {}

  void sync(antlr4::Parser *parser) override;
  void recover(antlr4::Parser *parser, std::exception_ptr e) override;

protected:
  void
  reportNoViableAlternative(antlr4::Parser *parser,
                            const antlr4::NoViableAltException &e) override;
  void reportInputMismatch(antlr4::Parser *parser,
                           const antlr4::InputMismatchException &e) override;
  void
  reportFailedPredicate(antlr4::Parser *parser,
                        const antlr4::FailedPredicateException &e) override;
  void reportUnwantedToken(antlr4::Parser *parser) override;
  void reportMissingToken(antlr4::Parser *parser) override;
  antlr4::Token *singleTokenDeletion(antlr4::Parser *parser) override;

private:
  enum class Situation { Unexpected, Extraneous };
  void explainLineStart(antlr4::Token *found);
  void explain(antlr4::Parser *parser, antlr4::Token *found,
               antlr4::RuleContext *context,
               const antlr4::misc::IntervalSet &expected, Situation situation);

  SyntaxErrorReporter &Reporter;
};

} // namespace escalade::parse
