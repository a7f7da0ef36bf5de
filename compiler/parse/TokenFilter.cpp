// TokenFilter.cpp — line shaping, lexical errors, nesting limits.
#include "parse/TokenFilter.h"

#include "source/Utf8.h"

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
    if (AtLineStart)
      OnDateLine = type == L::RATIFIED || type == L::REVIEWED ||
                   type == L::REVIEW || type == L::HISTORY;
    bool keep = inspect(*t);
    LastWasNumber = type == L::INT;
    if (!keep)
      continue;
    AtLineStart = false;
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
        Reporter.reportLexical(
            t.getLine(), diag::DiagKind::NestingTooDeep, Reporter.rangeOf(&t),
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
        Reporter.reportLexical(
            t.getLine(), diag::DiagKind::NestingTooDeep, Reporter.rangeOf(&t),
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

/// Characters that look like nothing, or like a space, when printed: named,
/// because showing them between backticks shows nothing.
static const char *invisibleName(uint32_t cp) {
  switch (cp) {
  case 0x00A0:
    return "a no-break space";
  case 0x202F:
    return "a narrow no-break space";
  case 0x2007:
    return "a figure space";
  case 0x200B:
    return "a zero-width space";
  case 0x200C:
    return "a zero-width non-joiner";
  case 0x200D:
    return "a zero-width joiner";
  case 0x2060:
    return "a word joiner";
  case 0xFEFF:
    return "a byte order mark";
  case 0x2028:
    return "a line separator";
  case 0x2029:
    return "a paragraph separator";
  default:
    return cp >= 0x2000 && cp <= 0x200A ? "a typographic space" : nullptr;
  }
}

void TokenFilter::reportUnexpected(const antlr4::Token &t) {
  std::string text = t.getText();
  uint32_t cp = source::decodeCodePoint(text);
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
  } else if (text == "-" && LastWasNumber && OnDateLine) {
    message = "unexpected `-`: a date is written with four digits for the "
              "year and two for the month (and the day), as in `2016-05` or "
              "`2016-05-12`";
  } else if (text == "-" && LastWasNumber) {
    message = "unexpected `-`: a timescale is one number; where the text "
              "gives a range, write its upper end, as in `10 working days`";
  } else if (text == "-" || text == ">") {
    message = fmt::format("unexpected `{}`; a route is written with an arrow "
                          "`->`, as in `when unresolved -> two`",
                          text);
  } else if (const char *name = invisibleName(cp)) {
    // Usually pasted from a word processor or a PDF along with the text.
    message = fmt::format("here is {} (U+{:04X}), which looks like a space, "
                          "or like nothing, but is not an ordinary space; "
                          "replace it with one",
                          name, cp);
    fixes.push_back({range, " "});
  } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
    message = fmt::format("unexpected control character U+{:04X}; it has no "
                          "meaning in a procedure",
                          cp);
  } else {
    message = fmt::format("unexpected character `{}`; it has no meaning in a "
                          "procedure outside quoted text",
                          text);
  }
  Reporter.reportLexical(t.getLine(), diag::DiagKind::SyntaxError, range,
                         message, std::move(fixes));
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
  Reporter.reportLexical(
      t.getLine(), diag::DiagKind::SyntaxError, range,
      "this text has no closing quote; add `\"` where it ends, "
      "on the same line (text that runs over several lines goes "
      "between triple quotes `\"\"\"`)",
      {{{range.file, range.end, range.end}, "\""}});
}

void TokenFilter::checkTextBlock(const antlr4::Token &t) {
  // Closed when its last three characters are quotes, the first three being
  // the opening ones.
  size_t start = t.getStartIndex(), stop = t.getStopIndex();
  if (stop >= start + 5 &&
      Lexer.getInputStream()->getText(antlr4::misc::Interval(stop - 2, stop)) ==
          "\"\"\"")
    return;
  source::SourceRange range = Reporter.rangeOf(&t);
  Reporter.reportLexical(
      t.getLine(), diag::DiagKind::SyntaxError,
      {range.file, range.begin, range.begin + 3},
      "this text block has no closing `\"\"\"`, so it runs to the "
      "end of the file; add `\"\"\"` where the text ends");
}

} // namespace escalade::parse
