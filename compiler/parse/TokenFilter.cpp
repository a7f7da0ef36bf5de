// TokenFilter.cpp — line shaping, lexical errors, nesting limits.
#include "parse/TokenFilter.h"

#include "CommonToken.h"

#include <fmt/format.h>

namespace escalade::parse {

using L = generated::EscaladeLexer;

std::unique_ptr<antlr4::Token>
TokenFilter::makeNewline(const antlr4::Token &eof) {
  // A real source, as for lexed tokens: ANTLR's error recovery makes its
  // own tokens from the source of the current one.
  auto nl = std::make_unique<antlr4::CommonToken>(
      std::pair<antlr4::TokenSource *, antlr4::CharStream *>(
          this, Lexer.getInputStream()),
      L::NL, antlr4::Token::DEFAULT_CHANNEL, eof.getStartIndex(),
      eof.getStartIndex() - 1);
  nl->setText("\n");
  nl->setLine(eof.getLine());
  nl->setCharPositionInLine(eof.getCharPositionInLine());
  return nl;
}

std::unique_ptr<antlr4::Token> TokenFilter::nextToken() {
  if (PendingEof)
    return std::move(PendingEof);
  for (;;) {
    std::unique_ptr<antlr4::Token> t = Lexer.nextToken();
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
      return t;
    size_t type = t->getType();
    if (type == antlr4::Token::EOF) {
      if (!AtLineStart) {
        AtLineStart = true;
        auto nl = makeNewline(*t);
        PendingEof = std::move(t);
        return nl;
      }
      return t;
    }
    if (type == L::NL) {
      ParenDepth = DroppedParens = NotRun = 0;
      if (AtLineStart)
        continue; // blank line, or a line holding only a comment
      AtLineStart = true;
      return t;
    }
    if (!inspect(*t))
      continue;
    AtLineStart = false;
    SawAnything = true;
    return t;
  }
}

bool TokenFilter::inspect(antlr4::Token &t) {
  switch (t.getType()) {
  case L::UNEXPECTED_CHAR:
    reportUnexpected(t);
    return false;
  case L::STRING:
    checkString(t);
    break;
  case L::TEXT_BLOCK:
    checkTextBlock(t);
    break;
  case L::LPAREN:
    if (ParenDepth >= MaxConditionNesting) {
      if (DroppedParens++ == 0)
        Reporter.report(t.getLine(), diag::DiagKind::NestingTooDeep,
                        Reporter.rangeOf(&t),
                        fmt::format("brackets in this condition nest more than "
                                    "{} deep; write it more simply",
                                    MaxConditionNesting));
      return false;
    }
    ++ParenDepth;
    break;
  case L::RPAREN:
    if (DroppedParens > 0) {
      --DroppedParens;
      return false;
    }
    if (ParenDepth > 0)
      --ParenDepth;
    break;
  case L::NOT:
    if (++NotRun > MaxConditionNesting) {
      if (NotRun == MaxConditionNesting + 1)
        Reporter.report(t.getLine(), diag::DiagKind::NestingTooDeep,
                        Reporter.rangeOf(&t),
                        fmt::format("more than {} `not` in a row; two `not` "
                                    "cancel each other, so write at most one",
                                    MaxConditionNesting));
      return false;
    }
    return true;
  default:
    break;
  }
  NotRun = 0;
  return true;
}

void TokenFilter::reportUnexpected(const antlr4::Token &t) {
  std::string text = t.getText();
  std::string message;
  std::vector<diag::FixIt> fixes;
  source::SourceRange range = Reporter.rangeOf(&t);
  if (text == "\u201C" || text == "\u201D") {
    message = "curly quotation marks cannot start or end text; use straight "
              "quotes \"like this\"";
    fixes.push_back({range, "\""});
  } else if (text == "\u2018" || text == "\u2019" || text == "'") {
    message = fmt::format("unexpected `{}`: text goes in double quotes "
                          "\"like this\", and an apostrophe belongs inside "
                          "them",
                          text);
  } else if (text == "-" || text == ">") {
    message = fmt::format("unexpected `{}`; a route is written with an arrow "
                          "`->`, as in `when unresolved -> two`",
                          text);
  } else if (text == "\t" || text == " ") {
    message = "unexpected space";
  } else {
    std::string shown = text;
    if (text.size() == 1 &&
        (static_cast<unsigned char>(text[0]) < 0x20 || text[0] == 0x7f))
      shown = fmt::format("\\x{:02X}", static_cast<unsigned char>(text[0]));
    message = fmt::format("unexpected character `{}`; it has no meaning in a "
                          "procedure outside quoted text",
                          shown);
  }
  Reporter.report(t.getLine(), diag::DiagKind::SyntaxError, range, message, {},
                  std::move(fixes));
}

void TokenFilter::checkString(const antlr4::Token &t) {
  std::string text = t.getText();
  // Closed when it ends in a quote that is not escaped.
  bool closed = text.size() >= 2 && text.back() == '"';
  if (closed) {
    size_t backslashes = 0;
    for (size_t i = text.size() - 1; i > 1 && text[i - 1] == '\\'; --i)
      ++backslashes;
    closed = backslashes % 2 == 0;
  }
  if (closed)
    return;
  source::SourceRange range = Reporter.rangeOf(&t);
  Reporter.report(t.getLine(), diag::DiagKind::SyntaxError, range,
                  "this text has no closing quote; add `\"` where it ends, "
                  "on the same line (text that runs over several lines goes "
                  "between triple quotes `\"\"\"`)",
                  {}, {{{range.file, range.end, range.end}, "\""}});
}

void TokenFilter::checkTextBlock(const antlr4::Token &t) {
  std::string text = t.getText();
  if (text.size() >= 6 && text.compare(text.size() - 3, 3, "\"\"\"") == 0)
    return;
  source::SourceRange range = Reporter.rangeOf(&t);
  Reporter.report(t.getLine(), diag::DiagKind::SyntaxError,
                  {range.file, range.begin, range.begin + 3},
                  "this text block has no closing `\"\"\"`, so it runs to the "
                  "end of the file; add `\"\"\"` where the text ends");
}

} // namespace escalade::parse
