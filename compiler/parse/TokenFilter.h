// TokenFilter.h — sits between the generated lexer and the parser. It makes
// the token stream line-shaped (one NL between lines, none at the start, one
// before the end), reports lexical mistakes in plain English (a stray
// character, a string without its closing quote), and keeps brackets and
// `not` from nesting deeper than any procedure needs, so that a hostile file
// cannot exhaust the parser's stack.
#pragma once

#include "parse/SyntaxErrorReporter.h"

#include "EscaladeLexer.h"
#include "TokenSource.h"

#include <memory>

namespace escalade::parse {

/// Deepest nesting of brackets, and longest run of `not`, in a condition.
inline constexpr unsigned MaxConditionNesting = 32;

class TokenFilter : public antlr4::TokenSource {
public:
  TokenFilter(generated::EscaladeLexer &lexer, SyntaxErrorReporter &reporter)
      : Lexer(lexer), Reporter(reporter) {}

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return Lexer.getLine(); }
  size_t getCharPositionInLine() override {
    return Lexer.getCharPositionInLine();
  }
  antlr4::CharStream *getInputStream() override {
    return Lexer.getInputStream();
  }
  std::string getSourceName() override { return Lexer.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken> *getTokenFactory() override {
    return Lexer.getTokenFactory();
  }

private:
  /// Reports lexical problems; returns false for a token to drop.
  bool inspect(antlr4::Token &t);
  void reportUnexpected(const antlr4::Token &t);
  void checkString(const antlr4::Token &t);
  void checkTextBlock(const antlr4::Token &t);
  std::unique_ptr<antlr4::Token> makeNewline(const antlr4::Token &eof);

  generated::EscaladeLexer &Lexer;
  SyntaxErrorReporter &Reporter;
  std::unique_ptr<antlr4::Token> PendingEof;
  bool AtLineStart = true;
  bool LastWasNumber = false;
  bool OnDateLine =
      false; ///< The line starts with a keyword that takes a date.
  unsigned ParenDepth = 0;
  unsigned DroppedParens = 0;
  unsigned NotRun = 0;
};

} // namespace escalade::parse
