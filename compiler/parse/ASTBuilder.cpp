// ASTBuilder.cpp — the visitor from parse tree to AST. One visit method per
// kind of line; small converters for the pieces lines share (names, text,
// durations, conditions, role lists).
#include "parse/ASTBuilder.h"

#include "parse/LineForms.h"

#include "EscaladeBaseVisitor.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace escalade::parse {

using P = generated::EscaladeParser;
using antlr4::ParserRuleContext;
using antlr4::Token;
using diag::DiagKind;
using source::SourceRange;

namespace {

/// Resolves `\"` and `\\` in a quoted string; any other backslash stays.
std::string unescape(const std::string &raw) {
  size_t end = raw.size();
  if (end >= 2 && raw.back() == '"')
    --end;
  std::string out;
  out.reserve(end);
  for (size_t i = 1; i < end; ++i) {
    if (raw[i] == '\\' && i + 1 < end &&
        (raw[i + 1] == '"' || raw[i + 1] == '\\'))
      ++i;
    out += raw[i];
  }
  return out;
}

/// The text between triple quotes: line breaks normalised, a leading line
/// break dropped, and the indentation common to all lines removed, so that
/// prose can be indented under its keyword.
std::string dedentBlock(const std::string &raw) {
  std::string body = raw.substr(3);
  if (body.size() >= 3 && body.compare(body.size() - 3, 3, "\"\"\"") == 0)
    body.resize(body.size() - 3);
  std::string text;
  for (size_t i = 0; i < body.size(); ++i)
    if (!(body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n'))
      text += body[i];
  std::vector<std::string> lines;
  size_t start = 0;
  for (;;) {
    size_t nl = text.find('\n', start);
    lines.push_back(text.substr(start, nl - start));
    if (nl == std::string::npos)
      break;
    start = nl + 1;
  }
  auto blank = [](const std::string &l) {
    return l.find_first_not_of(" \t") == std::string::npos;
  };
  // Text that starts on the line of the opening quotes has no indentation of
  // its own: it does not count towards the indentation the other lines share.
  bool firstOnQuoteLine = !lines.empty() && !blank(lines.front());
  while (!lines.empty() && blank(lines.front())) {
    lines.erase(lines.begin());
  }
  while (!lines.empty() && blank(lines.back()))
    lines.pop_back();
  size_t indent = std::string::npos;
  for (size_t i = firstOnQuoteLine ? 1 : 0; i < lines.size(); ++i)
    if (!blank(lines[i]))
      indent = std::min(indent, lines[i].find_first_not_of(" \t"));
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0)
      out += '\n';
    const std::string &l = lines[i];
    if (blank(l))
      continue;
    size_t cut = i == 0 && firstOnQuoteLine ? l.find_first_not_of(" \t")
                                            : std::min(indent, l.size());
    std::string trimmed = l.substr(cut);
    size_t last = trimmed.find_last_not_of(" \t");
    out += trimmed.substr(0, last + 1);
  }
  return out;
}

bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(int year, unsigned month) {
  static const unsigned days[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

/// What a clause's keyword is called in messages: `owner`, `keep record`.
std::string clauseWord(ParserRuleContext *item) {
  std::string word = item->getStart()->getText();
  if (word == "keep")
    return "keep record";
  if (word == "when")
    return "when ... ->";
  if (word == "timescale")
    return "timescale same as";
  if (word == "decision")
    return "decision by";
  if (word == "override")
    return "override by";
  return word;
}

class Builder : public generated::EscaladeBaseVisitor {
public:
  Builder(ast::File &file, SyntaxErrorReporter &reporter)
      : File(file), Reporter(reporter) {}

  void buildLine(P::LineContext *line);

  // Structure.
  antlrcpp::Any visitProcedureHeader(P::ProcedureHeaderContext *c) override;
  antlrcpp::Any visitStageHeader(P::StageHeaderContext *c) override;
  antlrcpp::Any visitEveryStageHeader(P::EveryStageHeaderContext *c) override;
  // Metadata.
  antlrcpp::Any visitPartnershipLine(P::PartnershipLineContext *c) override;
  antlrcpp::Any visitVersionLine(P::VersionLineContext *c) override;
  antlrcpp::Any visitRatifiedLine(P::RatifiedLineContext *c) override;
  antlrcpp::Any visitReviewedLine(P::ReviewedLineContext *c) override;
  antlrcpp::Any visitReviewDueLine(P::ReviewDueLineContext *c) override;
  antlrcpp::Any visitHistoryLine(P::HistoryLineContext *c) override;
  antlrcpp::Any visitCoversLine(P::CoversLineContext *c) override;
  antlrcpp::Any visitPurposeLine(P::PurposeLineContext *c) override;
  antlrcpp::Any visitPrincipleLine(P::PrincipleLineContext *c) override;
  antlrcpp::Any visitSectionLine(P::SectionLineContext *c) override;
  antlrcpp::Any visitOverallLine(P::OverallLineContext *c) override;
  antlrcpp::Any visitStartLine(P::StartLineContext *c) override;
  antlrcpp::Any visitSkippableLine(P::SkippableLineContext *c) override;
  // Declarations.
  antlrcpp::Any visitRoleDecl(P::RoleDeclContext *c) override;
  antlrcpp::Any visitAgencyDecl(P::AgencyDeclContext *c) override;
  antlrcpp::Any visitFactDecl(P::FactDeclContext *c) override;
  antlrcpp::Any visitFormDecl(P::FormDeclContext *c) override;
  antlrcpp::Any visitRecordDecl(P::RecordDeclContext *c) override;
  antlrcpp::Any visitOutcomeDecl(P::OutcomeDeclContext *c) override;
  antlrcpp::Any visitProcessDecl(P::ProcessDeclContext *c) override;
  antlrcpp::Any visitContactDecl(P::ContactDeclContext *c) override;
  antlrcpp::Any visitAllowLine(P::AllowLineContext *c) override;
  // Stage clauses.
  antlrcpp::Any visitNumberClause(P::NumberClauseContext *c) override;
  antlrcpp::Any visitOwnerClause(P::OwnerClauseContext *c) override;
  antlrcpp::Any visitInvolvesClause(P::InvolvesClauseContext *c) override;
  antlrcpp::Any visitGuidanceClause(P::GuidanceClauseContext *c) override;
  antlrcpp::Any visitActionClause(P::ActionClauseContext *c) override;
  antlrcpp::Any visitRespondClause(P::RespondClauseContext *c) override;
  antlrcpp::Any visitBeginClause(P::BeginClauseContext *c) override;
  antlrcpp::Any
  visitSameTimescaleClause(P::SameTimescaleClauseContext *c) override;
  antlrcpp::Any visitInformClause(P::InformClauseContext *c) override;
  antlrcpp::Any visitCopyClause(P::CopyClauseContext *c) override;
  antlrcpp::Any visitKeepRecordClause(P::KeepRecordClauseContext *c) override;
  antlrcpp::Any
  visitCompleteFormClause(P::CompleteFormClauseContext *c) override;
  antlrcpp::Any visitSendFormClause(P::SendFormClauseContext *c) override;
  antlrcpp::Any visitDecisionClause(P::DecisionClauseContext *c) override;
  antlrcpp::Any visitOverrideClause(P::OverrideClauseContext *c) override;
  antlrcpp::Any visitFinalClause(P::FinalClauseContext *c) override;
  antlrcpp::Any visitRequiresClause(P::RequiresClauseContext *c) override;
  antlrcpp::Any visitTransitionClause(P::TransitionClauseContext *c) override;

private:
  enum class Scope { None, Procedure, Stage, EveryStage };

  // Ranges.
  SourceRange range(Token *t) const { return Reporter.rangeOf(t); }
  SourceRange range(antlr4::tree::TerminalNode *n) const {
    return range(n->getSymbol());
  }
  SourceRange range(ParserRuleContext *c) const {
    SourceRange first = range(c->getStart());
    Token *stop = c->getStop();
    if (!stop || stop->getTokenIndex() < c->getStart()->getTokenIndex())
      return {first.file, first.begin, first.begin};
    return SourceRange::cover(first, range(stop));
  }

  // Converters.
  ast::Name name(P::NameContext *c) const { return {c->getText(), range(c)}; }
  ast::Text text(P::TextContext *c) const;
  ast::Date date(antlr4::tree::TerminalNode *n);
  ast::Duration duration(P::DurationContext *c);
  std::optional<ast::Anchor> anchor(P::AnchorContext *c) const;
  ast::Timescale timescale(ParserRuleContext *line, P::DurationContext *limit,
                           P::AnchorContext *anchor,
                           P::DurationContext *target);
  ast::Expr expr(P::ExprContext *c) const;
  ast::Expr andExpr(P::AndExprContext *c) const;
  ast::Expr unaryExpr(P::UnaryExprContext *c) const;
  ast::Expr primaryExpr(P::PrimaryExprContext *c) const;
  ast::Condition condition(P::ConditionContext *c) const;
  ast::Condition guard(P::GuardContext *c) const;
  ast::RoleList roleList(P::RoleListContext *c);
  ast::RecipientList recipients(P::RecipientListContext *c);
  /// `or` for alternatives, `and` or commas for all of them; not both.
  ast::Connective connective(size_t count, antlr4::tree::TerminalNode *firstOr,
                             bool anyAnd);
  std::optional<ast::Text> optionalText(P::TextContext *c) const {
    if (!c)
      return std::nullopt;
    return text(c);
  }

  /// A finding about a line that parsed; one per line (see the reporter).
  void finding(Token *at, DiagKind kind, SourceRange range, std::string message,
               std::vector<diag::Note> notes = {},
               std::vector<diag::FixIt> fixes = {}) {
    Reporter.reportLine(at->getLine(), kind, range, std::move(message),
                        std::move(notes), std::move(fixes));
  }
  ast::TextLine textLine(ParserRuleContext *line, P::TextContext *c) const {
    return {text(c), range(line)};
  }
  ast::DateLine dateLine(ParserRuleContext *line,
                         antlr4::tree::TerminalNode *n) {
    return {date(n), range(line)};
  }

  // Placement.
  ast::Procedure *procedure(ParserRuleContext *line);
  void markSyntaxErrors();
  ast::StageBody *stageBody(ParserRuleContext *line, bool everyStageToo);
  ast::Stage *stage(ParserRuleContext *line);
  void declare(ParserRuleContext *line, ast::DeclKind kind,
               P::NameContext *declName, P::TextContext *title,
               P::NameContext *agency = nullptr);
  void duplicate(ParserRuleContext *line, SourceRange first,
                 const std::string &holder);
  /// Fills a field that may be given once, or reports the repeat against
  /// the first.
  template <class T, class V>
  void setOnce(ParserRuleContext *line, std::optional<T> &slot, V &&value,
               const std::string &holder) {
    if (slot)
      duplicate(line, clauseRange(*slot), holder);
    else
      slot = std::forward<V>(value);
  }
  static SourceRange clauseRange(SourceRange r) { return r; }
  template <class T> static SourceRange clauseRange(const T &clause) {
    return clause.range;
  }
  std::string procedureDescription() const;
  std::string stageDescription() const;

  ast::File &File;
  SyntaxErrorReporter &Reporter;
  Scope CurrentScope = Scope::None;
  bool ReportedBeforeProcedure = false;
  size_t LastLine = 0;
};

// ---------------------------------------------------------- converters --

ast::Text Builder::text(P::TextContext *c) const {
  Token *t = c->getStart();
  ast::Text out;
  out.range = range(t);
  out.block = t->getType() == P::TEXT_BLOCK;
  out.value = out.block ? dedentBlock(t->getText()) : unescape(t->getText());
  return out;
}

ast::Date Builder::date(antlr4::tree::TerminalNode *n) {
  std::string s = n->getText();
  ast::Date d;
  d.range = range(n);
  std::from_chars(s.data(), s.data() + 4, d.year);
  d.month = static_cast<unsigned>((s[5] - '0') * 10 + (s[6] - '0'));
  if (s.size() == 10)
    d.day = static_cast<unsigned>((s[8] - '0') * 10 + (s[9] - '0'));
  Token *at = n->getSymbol();
  if (d.month < 1 || d.month > 12)
    finding(at, DiagKind::InvalidDate, d.range,
            fmt::format("`{}` is not a date: there is no month {:02}; write "
                        "the year, then the month from 01 to 12, as in "
                        "`2016-05`",
                        s, d.month));
  else if (s.size() == 10 && d.day < 1)
    finding(
        at, DiagKind::InvalidDate, d.range,
        fmt::format("`{}` is not a date: days of the month start at 01", s));
  else if (s.size() == 10 && d.day > daysInMonth(d.year, d.month))
    finding(at, DiagKind::InvalidDate, d.range,
            fmt::format("`{}` is not a date: month {:02} of {} has only {} "
                        "days",
                        s, d.month, d.year, daysInMonth(d.year, d.month)));
  return d;
}

ast::Duration Builder::duration(P::DurationContext *c) {
  ast::Duration d;
  d.range = range(c);
  if (auto *counted = dynamic_cast<P::CountedDurationContext *>(c)) {
    std::string digits = counted->INT()->getText();
    uint32_t value = 0;
    auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), value);
    constexpr uint32_t MaxCount = 100000;
    if (ec != std::errc() || value > MaxCount) {
      finding(counted->INT()->getSymbol(), DiagKind::NumberOutOfRange,
              range(counted->INT()),
              fmt::format("{} is too large for a timescale; the largest "
                          "Escalade accepts is {}",
                          digits, MaxCount));
      value = MaxCount;
    }
    d.count = value;
    P::DurationUnitContext *unit = counted->durationUnit();
    // "Within 0 working days" asks for the same day, and is read so
    // everywhere (docs/checks.md).
    if (value == 0 && (unit->WORKING() || unit->CALENDAR() || unit->HOUR() ||
                       unit->HOURS())) {
      d.unit = ast::DurationUnit::SameDay;
      return d;
    }
    if (unit->WORKING())
      d.unit = ast::DurationUnit::WorkingDays;
    else if (unit->CALENDAR())
      d.unit = ast::DurationUnit::CalendarDays;
    else if (unit->HOUR() || unit->HOURS())
      d.unit = ast::DurationUnit::Hours;
    else {
      d.unit = ast::DurationUnit::WorkingDays;
      SourceRange u = range(unit);
      finding(unit->getStart(), DiagKind::AmbiguousUnit, u,
              fmt::format("`{} {}` is ambiguous: say `working` or "
                          "`calendar`",
                          digits, unit->getText()),
              {{{},
                "working days leave out weekends and bank holidays; calendar "
                "days count every day"}},
              {{{u.file, u.begin, u.begin}, "working "}});
    }
  } else if (dynamic_cast<P::SameDayDurationContext *>(c)) {
    d.unit = ast::DurationUnit::SameDay;
  } else {
    d.unit = ast::DurationUnit::Vague;
    d.vagueText = unescape(c->getStart()->getText());
  }
  return d;
}

std::optional<ast::Anchor> Builder::anchor(P::AnchorContext *c) const {
  if (!c)
    return std::nullopt;
  ast::Anchor a;
  a.point = c->END() ? ast::AnchorPoint::End : ast::AnchorPoint::Start;
  a.stage = name(c->name());
  a.range = range(c);
  return a;
}

ast::Timescale Builder::timescale(ParserRuleContext *line,
                                  P::DurationContext *limit,
                                  P::AnchorContext *anchorCtx,
                                  P::DurationContext *target) {
  ast::Timescale t;
  t.limit = duration(limit);
  t.anchor = anchor(anchorCtx);
  if (target)
    t.target = duration(target);
  t.range = range(line);
  return t;
}

ast::Expr Builder::expr(P::ExprContext *c) const {
  std::vector<P::AndExprContext *> parts = c->andExpr();
  if (parts.size() == 1)
    return andExpr(parts[0]);
  ast::Expr e;
  e.kind = ast::Expr::Kind::Or;
  e.range = range(c);
  for (P::AndExprContext *p : parts)
    e.operands.push_back(andExpr(p));
  return e;
}

ast::Expr Builder::andExpr(P::AndExprContext *c) const {
  std::vector<P::UnaryExprContext *> parts = c->unaryExpr();
  if (parts.size() == 1)
    return unaryExpr(parts[0]);
  ast::Expr e;
  e.kind = ast::Expr::Kind::And;
  e.range = range(c);
  for (P::UnaryExprContext *p : parts)
    e.operands.push_back(unaryExpr(p));
  return e;
}

ast::Expr Builder::unaryExpr(P::UnaryExprContext *c) const {
  ast::Expr e = primaryExpr(c->primaryExpr());
  std::vector<antlr4::tree::TerminalNode *> nots = c->NOT();
  // Innermost `not` first, so each node's range starts at its own `not`.
  for (size_t i = nots.size(); i-- > 0;) {
    ast::Expr n;
    n.kind = ast::Expr::Kind::Not;
    n.range = SourceRange::cover(range(nots[i]), e.range);
    n.operands.push_back(std::move(e));
    e = std::move(n);
  }
  return e;
}

ast::Expr Builder::primaryExpr(P::PrimaryExprContext *c) const {
  if (P::NameContext *n = c->name()) {
    ast::Expr e;
    e.kind = ast::Expr::Kind::Fact;
    e.fact = name(n);
    e.range = e.fact.range;
    return e;
  }
  return expr(c->expr());
}

ast::Condition Builder::condition(P::ConditionContext *c) const {
  return {c->UNLESS() != nullptr, expr(c->expr()), range(c)};
}

ast::Condition Builder::guard(P::GuardContext *c) const {
  return {c->UNLESS() != nullptr, expr(c->expr()), range(c)};
}

ast::Connective Builder::connective(size_t count,
                                    antlr4::tree::TerminalNode *firstOr,
                                    bool anyAnd) {
  if (count <= 1)
    return ast::Connective::Single;
  if (!firstOr)
    return ast::Connective::AllOf;
  if (!anyAnd)
    return ast::Connective::AnyOf;
  Token *t = firstOr->getSymbol();
  Reporter.report(t->getLine(), DiagKind::SyntaxError, range(t),
                  "this list mixes `or` with `and` or commas, so it is "
                  "unclear whether any one of them or all of them are meant",
                  {{{},
                    "write `a or b or c` when any one of them will do, and "
                    "`a and b` (or `a, b`) when all of them are meant"}});
  return ast::Connective::AllOf;
}

ast::RoleList Builder::roleList(P::RoleListContext *c) {
  ast::RoleList list;
  list.range = range(c);
  for (P::RoleRefContext *r : c->roleRef())
    list.roles.push_back(
        {name(r->name()), r->EQUIVALENT() != nullptr, range(r)});
  list.connective =
      connective(list.roles.size(), c->OR().empty() ? nullptr : c->OR(0),
                 !c->AND().empty() || !c->COMMA().empty());
  return list;
}

ast::RecipientList Builder::recipients(P::RecipientListContext *c) {
  ast::RecipientList list;
  list.range = range(c);
  for (P::RecipientContext *r : c->recipient()) {
    ast::Recipient rec;
    rec.range = range(r);
    if (r->ALL()) {
      rec.kind = ast::Recipient::Kind::AllParties;
    } else {
      rec.name = name(r->name());
      rec.equivalent = r->EQUIVALENT() != nullptr;
    }
    list.recipients.push_back(std::move(rec));
  }
  list.connective =
      connective(list.recipients.size(), c->OR().empty() ? nullptr : c->OR(0),
                 !c->AND().empty() || !c->COMMA().empty());
  return list;
}

// ----------------------------------------------------------- placement --

/// The last line a parsed line occupies: a text block may run over several.
static size_t lastLineOf(P::LineContext *line, P::ItemContext *item) {
  if (antlr4::tree::TerminalNode *nl = line->NL())
    if (nl->getSymbol()->getTokenIndex() != INVALID_INDEX)
      return nl->getSymbol()->getLine();
  Token *stop = item->getStop() ? item->getStop() : item->getStart();
  std::string text = stop->getText();
  return stop->getLine() + std::count(text.begin(), text.end(), '\n');
}

void Builder::buildLine(P::LineContext *line) {
  P::ItemContext *item = line->item();
  if (!item)
    return;
  size_t lineNo = item->getStart()->getLine();
  // Lines skipped whole by error recovery leave no trace in the tree; what
  // follows them may be misplaced only because of them.
  if (lineNo > 1 && Reporter.anyFailedBetween(LastLine + 1, lineNo - 1))
    markSyntaxErrors();
  LastLine = lastLineOf(line, item);
  if (!Reporter.anyFailedBetween(lineNo, LastLine)) {
    item->accept(this);
    // Building may find a mistake of its own (`a or b and c`).
    if (Reporter.anyFailedBetween(lineNo, LastLine))
      markSyntaxErrors();
    return;
  }
  // The line has a syntax error, and error recovery may have filled in what
  // was missing with made-up tokens: build nothing from it. But keep the
  // structure: a broken header still opens its procedure or stage, so the
  // clauses under it do not land in the one before.
  size_t first = item->getStart()->getType();
  std::optional<ast::Name> header;
  if (item->children.size() > 1)
    if (auto *n = dynamic_cast<P::NameContext *>(item->children[1]))
      if (!n->exception && n->getStop() &&
          n->getStart()->getTokenIndex() != INVALID_INDEX)
        header = name(n);
  if (first == P::PROCEDURE) {
    ast::Procedure p;
    p.range = range(item);
    if (header)
      p.name = *header;
    File.procedures.push_back(std::move(p));
    CurrentScope = Scope::Procedure;
  } else if ((first == P::STAGE || first == P::STEP) &&
             !File.procedures.empty() && header) {
    ast::Stage s;
    s.range = range(item);
    s.name = *header;
    File.procedures.back().stages.push_back(std::move(s));
    CurrentScope = Scope::Stage;
  }
  markSyntaxErrors();
}

void Builder::markSyntaxErrors() {
  if (!File.procedures.empty())
    File.procedures.back().hasSyntaxErrors = true;
  File.hasSyntaxErrors = true;
}

ast::Procedure *Builder::procedure(ParserRuleContext *line) {
  if (CurrentScope != Scope::None)
    return &File.procedures.back();
  if (!ReportedBeforeProcedure && !File.hasSyntaxErrors) {
    ReportedBeforeProcedure = true;
    finding(line->getStart(), DiagKind::MisplacedLine, range(line),
            "this line comes before any `procedure` line, so it belongs "
            "to no procedure",
            {{{},
              fmt::format("start the file with a line such as `{}`",
                          lineFormFor(P::PROCEDURE)->example)}});
    File.hasSyntaxErrors = true;
  }
  return nullptr;
}

ast::StageBody *Builder::stageBody(ParserRuleContext *line,
                                   bool everyStageToo) {
  ast::Procedure *p = procedure(line);
  if (!p)
    return nullptr;
  if (CurrentScope == Scope::Stage)
    return &p->stages.back().body;
  if (CurrentScope == Scope::EveryStage && everyStageToo)
    return &p->everyStage->body;
  // The clause is misplaced. After a syntax error that is most likely a
  // consequence of it (a misspelt `stage` line, say): drop it quietly.
  if (p->hasSyntaxErrors)
    return nullptr;
  std::string word = clauseWord(line);
  if (CurrentScope == Scope::EveryStage) {
    finding(line->getStart(), DiagKind::MisplacedLine, range(line),
            fmt::format("`{}` cannot apply to every stage", word),
            {{p->everyStage->range,
              "clauses after this `every stage` line apply to all stages"},
             {{},
              fmt::format("move the `{}` line under the `stage` it describes",
                          word)}});
    return nullptr;
  }
  finding(line->getStart(), DiagKind::MisplacedLine, range(line),
          fmt::format("`{}` describes a stage, but no `stage` line comes "
                      "before it in procedure `{}`",
                      word, p->name.text),
          {{{},
            fmt::format("move the line under the `stage` it belongs to{}",
                        everyStageToo ? ", or under `every stage` if it "
                                        "applies to all of them"
                                      : "")}});
  return nullptr;
}

ast::Stage *Builder::stage(ParserRuleContext *line) {
  if (!stageBody(line, /*everyStageToo=*/false))
    return nullptr;
  return &File.procedures.back().stages.back();
}

std::string Builder::procedureDescription() const {
  return fmt::format("procedure `{}`", File.procedures.back().name.text);
}

std::string Builder::stageDescription() const {
  const ast::Procedure &p = File.procedures.back();
  if (CurrentScope == Scope::EveryStage)
    return "the `every stage` block";
  return fmt::format("stage `{}`", p.stages.back().name.text);
}

void Builder::duplicate(ParserRuleContext *line, SourceRange first,
                        const std::string &holder) {
  // After a syntax error the repeat may only be the clauses of a stage whose
  // header was misspelt, landing in the stage above: say nothing more.
  if (File.procedures.back().hasSyntaxErrors)
    return;
  std::string word = clauseWord(line);
  finding(line->getStart(), DiagKind::DuplicateClause, range(line),
          fmt::format("{} already has a `{}` line; it can have only one",
                      holder, word),
          {{first, fmt::format("the first `{}` line is here", word)},
           {{},
            "keep the one that matches the published procedure and delete "
            "the other"}});
}

void Builder::declare(ParserRuleContext *line, ast::DeclKind kind,
                      P::NameContext *declName, P::TextContext *title,
                      P::NameContext *agency) {
  ast::Procedure *p = procedure(line);
  if (!p)
    return;
  ast::Declaration d;
  d.kind = kind;
  d.name = name(declName);
  d.title = text(title);
  if (agency)
    d.agency = name(agency);
  d.range = range(line);
  p->declarations.push_back(std::move(d));
}

// ----------------------------------------------------------- structure --

antlrcpp::Any Builder::visitProcedureHeader(P::ProcedureHeaderContext *c) {
  ast::Procedure p;
  p.name = name(c->name());
  p.title = text(c->text());
  p.range = range(c);
  File.procedures.push_back(std::move(p));
  CurrentScope = Scope::Procedure;
  return {};
}

antlrcpp::Any Builder::visitStageHeader(P::StageHeaderContext *c) {
  ast::Procedure *p = procedure(c);
  if (!p)
    return {};
  ast::Stage s;
  s.name = name(c->name());
  s.title = text(c->text());
  s.isStep = c->stageWord()->STEP() != nullptr;
  s.range = range(c);
  p->stages.push_back(std::move(s));
  CurrentScope = Scope::Stage;
  return {};
}

antlrcpp::Any Builder::visitEveryStageHeader(P::EveryStageHeaderContext *c) {
  ast::Procedure *p = procedure(c);
  if (!p)
    return {};
  if (!p->everyStage) {
    p->everyStage.emplace();
    p->everyStage->range = range(c);
  }
  CurrentScope = Scope::EveryStage;
  return {};
}

// ------------------------------------------------------------ metadata --

antlrcpp::Any Builder::visitPartnershipLine(P::PartnershipLineContext *c) {
  if (ast::Procedure *p = procedure(c))
    setOnce(c, p->partnership, textLine(c, c->text()), procedureDescription());
  return {};
}

antlrcpp::Any Builder::visitVersionLine(P::VersionLineContext *c) {
  if (ast::Procedure *p = procedure(c))
    setOnce(c, p->version, textLine(c, c->text()), procedureDescription());
  return {};
}

antlrcpp::Any Builder::visitRatifiedLine(P::RatifiedLineContext *c) {
  if (ast::Procedure *p = procedure(c))
    setOnce(c, p->ratified, dateLine(c, c->DATE()), procedureDescription());
  return {};
}

antlrcpp::Any Builder::visitReviewedLine(P::ReviewedLineContext *c) {
  if (ast::Procedure *p = procedure(c))
    setOnce(c, p->reviewed, dateLine(c, c->DATE()), procedureDescription());
  return {};
}

antlrcpp::Any Builder::visitReviewDueLine(P::ReviewDueLineContext *c) {
  if (ast::Procedure *p = procedure(c))
    setOnce(c, p->reviewDue, dateLine(c, c->DATE()), procedureDescription());
  return {};
}

antlrcpp::Any Builder::visitHistoryLine(P::HistoryLineContext *c) {
  ast::Procedure *p = procedure(c);
  if (!p)
    return {};
  ast::HistoryEntry h;
  std::vector<P::TextContext *> texts = c->text();
  h.version = text(texts[0]);
  h.date = date(c->DATE());
  size_t next = 1;
  if (c->BY())
    h.author = text(texts[next++]);
  if (c->CHANGES())
    h.changes = text(texts[next]);
  h.range = range(c);
  p->history.push_back(std::move(h));
  return {};
}

antlrcpp::Any Builder::visitCoversLine(P::CoversLineContext *c) {
  ast::Procedure *p = procedure(c);
  if (!p)
    return {};
  P::AudienceContext *a = c->audience();
  ast::Covers covers;
  covers.range = range(c);
  if (a->AND())
    covers.audience = ast::Audience::ChildrenAndAdults;
  else if (a->CHILDREN())
    covers.audience = ast::Audience::Children;
  else
    covers.audience = ast::Audience::Adults;
  setOnce(c, p->covers, covers, procedureDescription());
  return {};
}

antlrcpp::Any Builder::visitPurposeLine(P::PurposeLineContext *c) {
  if (ast::Procedure *p = procedure(c))
    p->purposes.push_back(textLine(c, c->text()));
  return {};
}

antlrcpp::Any Builder::visitPrincipleLine(P::PrincipleLineContext *c) {
  if (ast::Procedure *p = procedure(c))
    p->principles.push_back(textLine(c, c->text()));
  return {};
}

antlrcpp::Any Builder::visitSectionLine(P::SectionLineContext *c) {
  if (ast::Procedure *p = procedure(c))
    p->sections.push_back({text(c->text(0)), text(c->text(1)), range(c)});
  return {};
}

antlrcpp::Any Builder::visitOverallLine(P::OverallLineContext *c) {
  ast::Procedure *p = procedure(c);
  if (!p)
    return {};
  std::vector<P::DurationContext *> d = c->duration();
  setOnce(c, p->overall,
          timescale(c, d[0], nullptr, d.size() > 1 ? d[1] : nullptr),
          procedureDescription());
  return {};
}

antlrcpp::Any Builder::visitStartLine(P::StartLineContext *c) {
  if (ast::Procedure *p = procedure(c)) {
    ast::NameLine n{name(c->name()), range(c)};
    setOnce(c, p->start, n, procedureDescription());
  }
  return {};
}

antlrcpp::Any Builder::visitSkippableLine(P::SkippableLineContext *c) {
  if (ast::Procedure *p = procedure(c))
    setOnce(c, p->skippable, range(c), procedureDescription());
  return {};
}

// -------------------------------------------------------- declarations --

antlrcpp::Any Builder::visitRoleDecl(P::RoleDeclContext *c) {
  std::vector<P::NameContext *> names = c->name();
  declare(c, ast::DeclKind::Role, names[0], c->text(),
          names.size() > 1 ? names[1] : nullptr);
  return {};
}

antlrcpp::Any Builder::visitAgencyDecl(P::AgencyDeclContext *c) {
  declare(c, ast::DeclKind::Agency, c->name(), c->text());
  return {};
}

antlrcpp::Any Builder::visitFactDecl(P::FactDeclContext *c) {
  declare(c, ast::DeclKind::Fact, c->name(), c->text());
  return {};
}

antlrcpp::Any Builder::visitFormDecl(P::FormDeclContext *c) {
  declare(c, ast::DeclKind::Form, c->name(), c->text());
  return {};
}

antlrcpp::Any Builder::visitRecordDecl(P::RecordDeclContext *c) {
  declare(c, ast::DeclKind::Record, c->name(), c->text());
  return {};
}

antlrcpp::Any Builder::visitOutcomeDecl(P::OutcomeDeclContext *c) {
  declare(c, ast::DeclKind::Outcome, c->name(), c->text());
  return {};
}

antlrcpp::Any Builder::visitProcessDecl(P::ProcessDeclContext *c) {
  declare(c, ast::DeclKind::Process, c->name(), c->text());
  return {};
}

antlrcpp::Any Builder::visitContactDecl(P::ContactDeclContext *c) {
  declare(c, ast::DeclKind::Contact, c->name(), c->text());
  if (CurrentScope == Scope::None)
    return {};
  ast::Declaration &d = File.procedures.back().declarations.back();
  for (P::ContactDetailContext *detail : c->contactDetail()) {
    ast::ContactDetail cd;
    cd.kind = detail->EMAIL()   ? ast::ContactDetail::Kind::Email
              : detail->PHONE() ? ast::ContactDetail::Kind::Phone
                                : ast::ContactDetail::Kind::Web;
    cd.value = text(detail->text());
    cd.range = range(detail);
    d.details.push_back(std::move(cd));
  }
  return {};
}

antlrcpp::Any Builder::visitAllowLine(P::AllowLineContext *c) {
  ast::Procedure *p = procedure(c);
  if (!p)
    return {};
  P::CheckNameContext *check = c->checkName();
  ast::Suppression s{
      {check->getText(), range(check)}, optionalText(c->text()), range(c)};
  if (CurrentScope == Scope::Stage)
    p->stages.back().body.suppressions.push_back(std::move(s));
  else if (CurrentScope == Scope::EveryStage)
    p->everyStage->body.suppressions.push_back(std::move(s));
  else
    p->suppressions.push_back(std::move(s));
  return {};
}

// ------------------------------------------------------- stage clauses --

antlrcpp::Any Builder::visitNumberClause(P::NumberClauseContext *c) {
  ast::Stage *s = stage(c);
  if (!s)
    return {};
  std::string digits = c->INT()->getText();
  uint32_t value = 0;
  auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || value < 1 || value > 999) {
    finding(c->INT()->getSymbol(), DiagKind::NumberOutOfRange, range(c->INT()),
            fmt::format("stage numbers run from 1 to 999, so {} cannot be "
                        "one",
                        digits));
    return {};
  }
  setOnce(c, s->number, ast::StageNumber{value, range(c)}, stageDescription());
  return {};
}

antlrcpp::Any Builder::visitOwnerClause(P::OwnerClauseContext *c) {
  ast::StageBody *b = stageBody(c, false);
  if (!b)
    return {};
  ast::Owner o;
  o.roles = roleList(c->roleList());
  if (c->name())
    o.agency = name(c->name());
  if (c->condition())
    o.condition = condition(c->condition());
  o.range = range(c);
  b->owners.push_back(std::move(o));
  return {};
}

antlrcpp::Any Builder::visitInvolvesClause(P::InvolvesClauseContext *c) {
  if (ast::StageBody *b = stageBody(c, false))
    b->involves.push_back({roleList(c->roleList()), range(c)});
  return {};
}

antlrcpp::Any Builder::visitGuidanceClause(P::GuidanceClauseContext *c) {
  if (ast::StageBody *b = stageBody(c, true))
    b->guidance.push_back(textLine(c, c->text()));
  return {};
}

antlrcpp::Any Builder::visitActionClause(P::ActionClauseContext *c) {
  ast::StageBody *b = stageBody(c, true);
  if (!b)
    return {};
  ast::Action a;
  a.text = text(c->text());
  if (c->duration())
    a.within = duration(c->duration());
  a.range = range(c);
  b->actions.push_back(std::move(a));
  return {};
}

antlrcpp::Any Builder::visitRespondClause(P::RespondClauseContext *c) {
  ast::StageBody *b = stageBody(c, true);
  if (!b)
    return {};
  std::vector<P::DurationContext *> d = c->duration();
  setOnce(c, b->respond,
          timescale(c, d[0], c->anchor(), d.size() > 1 ? d[1] : nullptr),
          stageDescription());
  return {};
}

antlrcpp::Any Builder::visitBeginClause(P::BeginClauseContext *c) {
  ast::StageBody *b = stageBody(c, false);
  if (!b)
    return {};
  std::vector<P::DurationContext *> d = c->duration();
  setOnce(c, b->begin,
          timescale(c, d[0], c->anchor(), d.size() > 1 ? d[1] : nullptr),
          stageDescription());
  return {};
}

antlrcpp::Any
Builder::visitSameTimescaleClause(P::SameTimescaleClauseContext *c) {
  ast::StageBody *b = stageBody(c, false);
  if (!b)
    return {};
  setOnce(c, b->sameTimescaleAs, ast::SameTimescale{name(c->name()), range(c)},
          stageDescription());
  return {};
}

antlrcpp::Any Builder::visitInformClause(P::InformClauseContext *c) {
  ast::StageBody *b = stageBody(c, true);
  if (!b)
    return {};
  ast::Inform i;
  i.recipients = recipients(c->recipientList());
  i.what = optionalText(c->text());
  if (c->condition())
    i.condition = condition(c->condition());
  i.range = range(c);
  b->informs.push_back(std::move(i));
  return {};
}

antlrcpp::Any Builder::visitCopyClause(P::CopyClauseContext *c) {
  if (ast::StageBody *b = stageBody(c, true))
    b->copies.push_back(
        {recipients(c->recipientList()), optionalText(c->text()), range(c)});
  return {};
}

antlrcpp::Any Builder::visitKeepRecordClause(P::KeepRecordClauseContext *c) {
  ast::StageBody *b = stageBody(c, true);
  if (!b)
    return {};
  ast::KeepRecord k;
  if (c->name())
    k.record = name(c->name());
  k.what = optionalText(c->text());
  k.range = range(c);
  b->records.push_back(std::move(k));
  return {};
}

antlrcpp::Any
Builder::visitCompleteFormClause(P::CompleteFormClauseContext *c) {
  if (ast::StageBody *b = stageBody(c, true))
    b->forms.push_back({ast::FormUse::Kind::Complete,
                        name(c->name()),
                        {},
                        optionalText(c->text()),
                        range(c)});
  return {};
}

antlrcpp::Any Builder::visitSendFormClause(P::SendFormClauseContext *c) {
  if (ast::StageBody *b = stageBody(c, true))
    b->forms.push_back({ast::FormUse::Kind::Send, name(c->name()),
                        recipients(c->recipientList()), optionalText(c->text()),
                        range(c)});
  return {};
}

antlrcpp::Any Builder::visitDecisionClause(P::DecisionClauseContext *c) {
  if (ast::StageBody *b = stageBody(c, false))
    b->authorities.push_back({ast::Authority::Kind::Decision,
                              roleList(c->roleList()), optionalText(c->text()),
                              range(c)});
  return {};
}

antlrcpp::Any Builder::visitOverrideClause(P::OverrideClauseContext *c) {
  if (ast::StageBody *b = stageBody(c, false))
    b->authorities.push_back({ast::Authority::Kind::Override,
                              roleList(c->roleList()), optionalText(c->text()),
                              range(c)});
  return {};
}

antlrcpp::Any Builder::visitFinalClause(P::FinalClauseContext *c) {
  if (ast::StageBody *b = stageBody(c, false))
    setOnce(c, b->final, range(c), stageDescription());
  return {};
}

antlrcpp::Any Builder::visitRequiresClause(P::RequiresClauseContext *c) {
  ast::StageBody *b = stageBody(c, false);
  if (!b)
    return {};
  ast::Requirement r;
  for (P::NameContext *n : c->name())
    r.stages.push_back(name(n));
  r.range = range(c);
  b->requirements.push_back(std::move(r));
  return {};
}

antlrcpp::Any Builder::visitTransitionClause(P::TransitionClauseContext *c) {
  ast::StageBody *b = stageBody(c, true);
  if (!b)
    return {};
  ast::Transition t;
  P::TriggerContext *trig = c->trigger();
  t.trigger = trig->RESOLVED()     ? ast::Trigger::Resolved
              : trig->UNRESOLVED() ? ast::Trigger::Unresolved
              : trig->URGENT()     ? ast::Trigger::Urgent
                                   : ast::Trigger::Overdue;
  t.triggerRange = range(trig);
  if (c->guard())
    t.guard = guard(c->guard());
  P::TargetContext *target = c->target();
  std::vector<P::NameContext *> names = target->name();
  if (names.size() == 2) {
    t.target.procedure = name(names[0]);
    t.target.name = name(names[1]);
  } else {
    t.target.name = name(names[0]);
  }
  t.target.range = range(target);
  t.range = range(c);
  b->transitions.push_back(std::move(t));
  return {};
}

} // namespace

void buildAST(generated::EscaladeParser::FileContext *tree,
              antlr4::CommonTokenStream &tokens, ast::File &file,
              SyntaxErrorReporter &reporter) {
  Builder builder(file, reporter);
  for (P::LineContext *line : tree->line())
    builder.buildLine(line);
  for (Token *t : tokens.getTokens()) {
    if (t->getType() == P::COMMENT)
      file.comments.push_back({t->getText(), reporter.rangeOf(t)});
    else if (t->getChannel() == Token::DEFAULT_CHANNEL &&
             t->getType() != P::NL && t->getType() != Token::EOF &&
             reporter.lineFailed(t->getLine()))
      file.wordsOnBrokenLines.push_back(t->getText());
  }
  std::sort(file.wordsOnBrokenLines.begin(), file.wordsOnBrokenLines.end());
  file.wordsOnBrokenLines.erase(std::unique(file.wordsOnBrokenLines.begin(),
                                            file.wordsOnBrokenLines.end()),
                                file.wordsOnBrokenLines.end());
}

} // namespace escalade::parse
