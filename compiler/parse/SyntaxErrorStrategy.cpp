// SyntaxErrorStrategy.cpp — turning ANTLR's view of a syntax error (the
// rule it was in, the tokens it could accept) into a sentence a policy author
// can act on, with the form of the line as a note and a fix where one is
// certain. Recovery is by lines: after a mistake the rest of its line is
// skipped, and a line that starts with no known keyword is skipped whole.
#include "parse/SyntaxErrorStrategy.h"

#include "parse/LineForms.h"
#include "source/Utf8.h"

#include "EscaladeParser.h"

#include "llvm/ADT/StringRef.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace escalade::parse {

using P = generated::EscaladeParser;
using antlr4::Token;
using antlr4::misc::IntervalSet;

namespace {

constexpr ssize_t EofType = static_cast<ssize_t>(Token::EOF);

bool isKeyword(size_t type) { return type >= P::PROCEDURE && type <= P::HOURS; }

/// The words that join names and conditions, which can never be names.
bool isReserved(size_t type) {
  return type == P::AND || type == P::OR || type == P::NOT || type == P::IN ||
         type == P::WHEN || type == P::UNLESS || type == P::ALL ||
         type == P::EQUIVALENT;
}

bool expects(const IntervalSet &set, size_t type) { return set.contains(type); }

bool onlyExpects(const IntervalSet &set, std::initializer_list<size_t> types) {
  for (ssize_t t : set.toList())
    if (std::find(types.begin(), types.end(), static_cast<size_t>(t)) ==
        types.end())
      return false;
  return true;
}

/// "a `stage` line", "an `owner` line".
std::string aLine(std::string_view keyword) {
  bool vowel = !keyword.empty() &&
               std::string_view("aeiou").find(keyword[0]) != std::string::npos;
  return fmt::format("{} `{}` line", vowel ? "an" : "a", keyword);
}

/// A short quotation of a token for a message: at most one line and about
/// thirty characters, with invisible characters shown by number.
std::string quote(const Token *t) {
  std::string text = t->getText();
  std::string out;
  bool cut = false;
  size_t shown = 0;
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    while (i + length < text.size() && !source::isUtf8Lead(text[i + length]))
      ++length;
    std::string_view ch(text.data() + i, length);
    uint32_t cp = source::decodeCodePoint(ch);
    if (cp == '\n' || cp == '\r' || shown == 27) {
      cut = i + length < text.size() || cp == '\n' || cp == '\r';
      break;
    }
    if (source::isInvisible(cp))
      out += fmt::format("<U+{:04X}>", cp);
    else
      out += ch;
    ++shown;
    i += length;
  }
  return "`" + out + (cut ? "..." : "") + "`";
}

antlr4::RuleContext *parentOf(antlr4::RuleContext *c) {
  return static_cast<antlr4::RuleContext *>(c->parent);
}

/// The first token of the line being parsed, or nullptr at a line start.
Token *lineStartToken(antlr4::RuleContext *ctx) {
  for (antlr4::RuleContext *c = ctx; c; c = parentOf(c)) {
    if (c->getRuleIndex() == P::RuleItem)
      return static_cast<antlr4::ParserRuleContext *>(c)->getStart();
    if (c->getRuleIndex() == P::RuleLine) {
      auto *line = static_cast<P::LineContext *>(c);
      return line->item() ? line->item()->getStart() : nullptr;
    }
  }
  return nullptr;
}

/// The line keyword a lower-case word is a slip for (`ower` for `owner`),
/// if any. Capitalised words are taken for prose, not for slips: "The",
/// "Where" and "Then" must not become `when`.
const LineForm *closestLineForm(llvm::StringRef word) {
  if (word.empty() || word.lower() != word)
    return nullptr;
  unsigned limit = word.size() <= 4 ? 1 : 2;
  const LineForm *best = nullptr;
  unsigned bestDistance = limit + 1;
  for (const LineForm &f : lineForms()) {
    llvm::StringRef keyword(f.keyword.data(), f.keyword.size());
    unsigned d = word.edit_distance(keyword, /*AllowReplacements=*/true,
                                    /*MaxEditDistance=*/limit);
    if (d < bestDistance) {
      best = &f;
      bestDistance = d;
    }
  }
  return best;
}

std::string lowerCaseKeyword(const std::string &written,
                             const std::string &lower) {
  return fmt::format("`{}` is not a keyword; keywords are written in lower "
                     "case: `{}`",
                     written, lower);
}

/// What a line starting with this keyword declares — "procedure", "stage",
/// "role", ... — or an empty string for a line that declares nothing.
std::string declaredKind(size_t lineType) {
  switch (lineType) {
  case P::PROCEDURE:
    return "procedure";
  case P::STAGE:
  case P::STEP:
    return "stage";
  case P::ROLE:
    return "role";
  case P::AGENCY:
    return "agency";
  case P::FACT:
    return "fact";
  case P::FORM:
    return "form";
  case P::RECORD:
    return "record";
  case P::OUTCOME:
    return "outcome";
  case P::PROCESS:
    return "process";
  case P::CONTACT:
    return "contact";
  default:
    return "";
  }
}

/// True when `prev` ends a name in a list of names that the line's keyword
/// takes (`owner a or b`, `inform a and b`), so another name may follow it
/// once joined with `or` or `and`.
bool continuesList(const Token *lineStart, const Token *prev) {
  if (!lineStart || !prev || prev == lineStart)
    return false;
  switch (lineStart->getType()) {
  case P::OWNER:
  case P::INVOLVES:
  case P::DECISION:
  case P::OVERRIDE:
  case P::INFORM:
  case P::COPY:
  case P::SEND:
  case P::REQUIRES:
    break;
  default:
    return false;
  }
  size_t t = prev->getType();
  return t == P::IDENT ||
         (isKeyword(t) && t != P::AND && t != P::OR && t != P::NOT &&
          t != P::IN && t != P::WHEN && t != P::UNLESS && t != P::ALL &&
          t != P::EQUIVALENT && t != P::TO && t != P::BY);
}

/// What the name at this place stands for, from the rule that uses it.
std::string nameDescription(antlr4::RuleContext *parent) {
  if (!parent)
    return "a name";
  switch (parent->getRuleIndex()) {
  case P::RuleTarget:
    return "the name of the stage, outcome or process to go to";
  case P::RuleAnchor:
    return "the name of a stage";
  case P::RuleRoleRef:
    return "a role name such as `service_manager`";
  case P::RuleRecipient:
    return "the name of a role or contact";
  case P::RulePrimaryExpr:
    return "the name of a fact";
  case P::RuleItem:
    break;
  default:
    return "a name";
  }
  auto *item = static_cast<antlr4::ParserRuleContext *>(parent);
  // Which name of the line is missing: the first names the thing declared.
  bool first = true;
  for (antlr4::tree::ParseTree *child : item->children)
    if (dynamic_cast<P::NameContext *>(child) &&
        static_cast<antlr4::ParserRuleContext *>(child)->exception == nullptr &&
        static_cast<antlr4::ParserRuleContext *>(child)->getStop()) {
      first = false;
      break;
    }
  size_t lineType = item->getStart()->getType();
  if (lineType == P::ROLE && !first)
    return "the name of an agency";
  if (std::string kind = declaredKind(lineType); !kind.empty()) {
    // The name in the example line of this kind: `stage one "..."` → `one`.
    llvm::StringRef example = lineFormFor(lineType)->example.data();
    llvm::StringRef exampleName = example.split(' ').second.split(' ').first;
    return fmt::format("a name for the {} such as `{}`", kind,
                       exampleName.str());
  }
  switch (lineType) {
  case P::OWNER:
    return "the name of an agency";
  case P::START:
  case P::REQUIRES:
  case P::TIMESCALE:
    return "the name of a stage";
  case P::COMPLETE:
  case P::SEND:
    return "the name of a form";
  case P::KEEP:
    return "the name of a record";
  default:
    return "a name";
  }
}

/// What was expected, in words, and an optional note explaining more.
struct Expectation {
  std::string phrase;
  std::string note;
};

/// Words for the tokens and rules of the grammar.
class Describer {
public:
  explicit Describer(const antlr4::dfa::Vocabulary &vocabulary)
      : Vocabulary(vocabulary) {}

  /// The word a keyword token matches: `stage` for P::STAGE.
  std::string literal(size_t type) const {
    std::string s = Vocabulary.getLiteralName(type);
    if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'')
      s = s.substr(1, s.size() - 2);
    return s;
  }

  std::string phraseFor(ssize_t type) const {
    if (type == EofType)
      return "the end of the file";
    switch (type) {
    case P::NL:
      return "the end of the line";
    case P::IDENT:
      return "a name";
    case P::STRING:
    case P::TEXT_BLOCK:
      return "text in quotes";
    case P::INT:
      return "a number";
    case P::DATE:
      return "a date such as `2016-05`";
    case P::CHECK_NAME:
      return "the name of a check";
    default:
      return fmt::format("`{}`", literal(type));
    }
  }

  std::string tokenList(const IntervalSet &expected) const {
    std::vector<std::string> unique;
    for (ssize_t t : expected.toList()) {
      std::string p = phraseFor(t);
      if (std::find(unique.begin(), unique.end(), p) == unique.end())
        unique.push_back(p);
    }
    if (unique.size() > 6) {
      unique.resize(5);
      unique.push_back("another word");
    }
    std::string out;
    for (size_t i = 0; i < unique.size(); ++i) {
      if (i > 0)
        out += i + 1 == unique.size() ? " or " : ", ";
      out += unique[i];
    }
    return out;
  }

  /// From the innermost rule that has a description; otherwise the list of
  /// acceptable tokens in words.
  Expectation expected(antlr4::RuleContext *ctx,
                       const IntervalSet &expected) const {
    for (antlr4::RuleContext *c = ctx; c; c = parentOf(c)) {
      switch (c->getRuleIndex()) {
      case P::RuleDurationUnit:
        if (onlyExpects(expected, {P::DAY, P::DAYS}))
          return {"`days`", ""};
        return {"`working days`, `calendar days` or `hours`", ""};
      case P::RuleDuration:
        if (onlyExpects(expected, {P::DAY}))
          return {"`day`", ""};
        return {"a timescale such as `5 working days`",
                "a timescale is a number of `working days`, `calendar days` "
                "or `hours`, or `same day`; where the procedure gives no "
                "number, quote its words instead, as in `respond within "
                "\"as soon as possible\"`"};
      case P::RuleAnchor:
        if (expects(expected, P::START) || expects(expected, P::END))
          return {"`start of` or `end of`",
                  "a timescale measured from another stage says which end of "
                  "it counts, as in `from end of one`"};
        if (expects(expected, P::OF))
          return {"`of`", ""};
        return {"the name of a stage", ""};
      case P::RuleExpr:
      case P::RuleAndExpr:
      case P::RuleUnaryExpr:
      case P::RulePrimaryExpr:
      case P::RuleCondition:
      case P::RuleGuard:
        if (expects(expected, P::IDENT))
          return {"a condition such as `cp_plan` or `not in_care`", ""};
        if (expects(expected, P::RPAREN))
          return {"`and`, `or` or a closing bracket `)`", ""};
        break;
      case P::RuleRoleList:
      case P::RuleRoleRef:
        if (expects(expected, P::IDENT))
          return {"a role name such as `service_manager`", ""};
        break;
      case P::RuleRecipientList:
      case P::RuleRecipient:
        if (onlyExpects(expected, {P::PARTIES}))
          return {"`parties`", ""};
        if (expects(expected, P::IDENT))
          return {"a role or contact name, or `all parties`", ""};
        break;
      case P::RuleTrigger:
        return {"`resolved`, `unresolved`, `urgent` or `overdue`", ""};
      case P::RuleTarget:
        if (expects(expected, P::IDENT))
          return {"the name of the stage, outcome or process to go to", ""};
        break;
      case P::RuleAudience:
        if (onlyExpects(expected, {P::ADULTS}))
          return {"`adults`", ""};
        if (onlyExpects(expected, {P::CHILDREN}))
          return {"`children`", ""};
        return {"`children`, `adults` or `children and adults`", ""};
      case P::RuleText: {
        Token *start = lineStartToken(c);
        bool title = start && !declaredKind(start->getType()).empty();
        return {title ? "a title in quotes" : "text in quotes", ""};
      }
      case P::RuleName:
        return {nameDescription(parentOf(c)),
                "a name is one word of letters, digits and `_`, and does not "
                "start with a digit"};
      case P::RuleCheckName:
        return {"the name of a check such as `missing-timescale`", ""};
      case P::RuleContactDetail:
        return {"`email`, `phone` or `web` followed by text in quotes", ""};
      case P::RuleStageWord:
        return {"`stage`", ""};
      default:
        break;
      }
    }
    return {tokenList(expected), ""};
  }

  /// What a keyword-named name could be called instead: `review_stage`.
  std::string suggestedName(const std::string &word,
                            const Token *lineStart) const {
    std::string kind = lineStart ? declaredKind(lineStart->getType()) : "";
    return word + "_" + (kind.empty() ? "name" : kind);
  }

private:
  const antlr4::dfa::Vocabulary &Vocabulary;
};

/// The token on the default channel before `t`, or nullptr.
Token *previousToken(antlr4::TokenStream *tokens, const Token *t) {
  for (ssize_t i = static_cast<ssize_t>(t->getTokenIndex()) - 1; i >= 0; --i) {
    Token *p = tokens->get(i);
    if (p->getChannel() == Token::DEFAULT_CHANNEL)
      return p;
  }
  return nullptr;
}

} // namespace

void SyntaxErrorStrategy::explainLineStart(Token *found) {
  std::string word = found->getText();
  size_t type = found->getType();
  source::SourceRange where = Reporter.rangeOf(found);
  std::vector<diag::Note> notes;
  std::vector<diag::FixIt> fixes;
  std::string message;
  std::string lower = word;
  for (char &c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const LineForm *exact = nullptr;
  for (const LineForm &f : lineForms())
    if (f.keyword == lower)
      exact = &f;

  if (type == P::IDENT && exact && lower != word) {
    message = lowerCaseKeyword(word, lower);
    fixes.push_back({where, lower});
  } else if (type == P::IDENT) {
    if (const LineForm *near = closestLineForm(word)) {
      message = fmt::format("no line starts with `{}`; did you mean `{}`?",
                            word, near->keyword);
      fixes.push_back({where, std::string(near->keyword)});
      notes.push_back(
          {{},
           fmt::format("{} {}, for example: {}", aLine(near->keyword),
                       near->meaning, near->example)});
    } else {
      message = fmt::format("no line starts with `{}`; each line starts with "
                            "a keyword such as `stage`, `owner`, `respond`, "
                            "`inform` or `when`",
                            word);
      notes.push_back({{},
                       "prose from the published procedure goes in quotes "
                       "after `guidance`, `purpose`, `principle` or "
                       "`section`; a comment starts with `#`"});
    }
  } else if (type == P::STRING || type == P::TEXT_BLOCK) {
    message = "text cannot stand on a line of its own; put a keyword such as "
              "`guidance` before it";
    fixes.push_back({{where.file, where.begin, where.begin}, "guidance "});
  } else if (isKeyword(type)) {
    message = fmt::format("a line cannot start with `{}`; it belongs in the "
                          "middle of a line, and each line is written whole "
                          "on one line",
                          word);
  } else {
    message = fmt::format("a line cannot start with {}", quote(found));
  }
  Reporter.report(found->getLine(), diag::DiagKind::SyntaxError, where, message,
                  std::move(notes), std::move(fixes));
}

void SyntaxErrorStrategy::explain(antlr4::Parser *parser, Token *found,
                                  antlr4::RuleContext *ctx,
                                  const IntervalSet &expected,
                                  Situation situation) {
  Describer words(parser->getVocabulary());
  Token *prev = previousToken(parser->getTokenStream(), found);
  size_t type = found->getType();
  bool lineEnded = type == P::NL || type == Token::EOF;
  bool atLineStart = !prev || prev->getType() == P::NL;
  if (atLineStart && !lineEnded)
    return explainLineStart(found);

  source::SourceRange where =
      lineEnded && prev ? Reporter.pointAfter(prev) : Reporter.rangeOf(found);
  // `2nd_manager` lexes as the number 2 and the name `nd_manager`.
  if (type == P::INT && expects(expected, P::IDENT)) {
    Token *next = parser->getTokenStream()->get(found->getTokenIndex() + 1);
    if (next && next->getType() == P::IDENT &&
        next->getStartIndex() == found->getStopIndex() + 1) {
      source::SourceRange r = Reporter.rangeOf(found);
      r.end = Reporter.rangeOf(next).end;
      Reporter.report(found->getLine(), diag::DiagKind::SyntaxError, r,
                      fmt::format("a name cannot start with a digit: `{}{}`; "
                                  "start it with a letter, for example by "
                                  "spelling the number out",
                                  found->getText(), next->getText()));
      return;
    }
  }
  std::string after = prev && prev->getType() != P::NL
                          ? quote(prev)
                          : std::string("the start of the line");
  Token *lineStart = lineStartToken(ctx);
  std::vector<diag::Note> notes;
  std::vector<diag::FixIt> fixes;
  std::string message;
  // A line break is never extraneous: something is missing before it.
  if (lineEnded)
    situation = Situation::Unexpected;
  std::string lower = found->getText();
  for (char &ch : lower)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  bool lowerIsExpected = false;
  for (ssize_t t : expected.toList())
    if (t != EofType && isKeyword(t) && words.literal(t) == lower)
      lowerIsExpected = true;
  // After a complete list of names the line could end; another name needs
  // a joining word first (`or`, `and`; for stages in `requires`, `and`).
  bool afterList = type == P::IDENT && expects(expected, P::NL) &&
                   continuesList(lineStart, prev);
  if (type == P::IDENT && lower != found->getText() &&
      (lowerIsExpected || (afterList && (lower == "or" || lower == "and")))) {
    message = lowerCaseKeyword(found->getText(), lower);
    fixes.push_back({Reporter.rangeOf(found), lower});
  } else if (afterList && lineStart->getType() == P::REQUIRES) {
    message = fmt::format("unexpected {} after {}: join the stages a stage "
                          "requires with `and`",
                          quote(found), after);
  } else if (afterList) {
    message = fmt::format("unexpected {} after {}: join names in a list "
                          "with `or` (any one of them) or `and` (all of "
                          "them)",
                          quote(found), after);
  } else if (isReserved(type) && expects(expected, P::IDENT) &&
             situation == Situation::Unexpected) {
    message = fmt::format("`{}` is a reserved word (it joins names and "
                          "conditions), so it cannot be a name; choose "
                          "another name, such as `{}`",
                          found->getText(),
                          words.suggestedName(found->getText(), lineStart));
  } else if (onlyExpects(expected, {P::NL})) {
    message = fmt::format("unexpected {} after {}: the line should end there",
                          quote(found), after);
  } else {
    Expectation what = words.expected(ctx, expected);
    message = lineEnded
                  ? fmt::format("expected {} after {}", what.phrase, after)
                  : fmt::format("expected {} after {}, not {}", what.phrase,
                                after, quote(found));
    if (!what.note.empty())
      notes.push_back({{}, what.note});
  }
  if (lineStart)
    if (const LineForm *form = lineFormFor(lineStart->getType()))
      notes.push_back(
          {{},
           fmt::format("{} {}, for example: {}", aLine(form->keyword),
                       form->meaning, form->example)});
  Reporter.report(found->getLine(), diag::DiagKind::SyntaxError, where, message,
                  std::move(notes), std::move(fixes));
}

void SyntaxErrorStrategy::sync(antlr4::Parser *parser) {
  if (parser->getContext()->getRuleIndex() != P::RuleFile)
    return DefaultErrorStrategy::sync(parser);
  // Between lines: skip what cannot start a line, a whole line at a time.
  antlr4::TokenStream *tokens = parser->getTokenStream();
  for (;;) {
    Token *t = tokens->LT(1);
    size_t type = t->getType();
    if (type == Token::EOF)
      return;
    if (type == P::NL) { // Left over from recovery inside a line.
      parser->consume();
      continue;
    }
    if (parser->getExpectedTokens().contains(type))
      return;
    explainLineStart(t);
    while (tokens->LA(1) != P::NL && tokens->LA(1) != Token::EOF)
      parser->consume();
  }
}

antlr4::Token *
SyntaxErrorStrategy::singleTokenDeletion(antlr4::Parser *parser) {
  // Deleting a line break would join two lines: never recover that way.
  if (parser->getTokenStream()->LA(1) == P::NL)
    return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

void SyntaxErrorStrategy::recover(antlr4::Parser *parser, std::exception_ptr) {
  // Skip the rest of the line; `line` (or the sync above) takes the NL.
  antlr4::TokenStream *tokens = parser->getTokenStream();
  while (tokens->LA(1) != P::NL && tokens->LA(1) != Token::EOF)
    parser->consume();
}

void SyntaxErrorStrategy::reportNoViableAlternative(
    antlr4::Parser *parser, const antlr4::NoViableAltException &e) {
  explain(parser, e.getOffendingToken(), parser->getContext(),
          e.getExpectedTokens(), Situation::Unexpected);
}

void SyntaxErrorStrategy::reportInputMismatch(
    antlr4::Parser *parser, const antlr4::InputMismatchException &e) {
  explain(parser, e.getOffendingToken(), parser->getContext(),
          e.getExpectedTokens(), Situation::Unexpected);
}

void SyntaxErrorStrategy::reportFailedPredicate(
    antlr4::Parser *parser, const antlr4::FailedPredicateException &e) {
  explain(parser, e.getOffendingToken(), parser->getContext(),
          e.getExpectedTokens(), Situation::Unexpected);
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser *parser) {
  if (inErrorRecoveryMode(parser))
    return;
  beginErrorCondition(parser);
  explain(parser, parser->getCurrentToken(), parser->getContext(),
          getExpectedTokens(parser), Situation::Extraneous);
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser *parser) {
  if (inErrorRecoveryMode(parser))
    return;
  beginErrorCondition(parser);
  explain(parser, parser->getCurrentToken(), parser->getContext(),
          getExpectedTokens(parser), Situation::Unexpected);
}

} // namespace escalade::parse
