// ASTBuilderTest.cpp — the parse layer builds the AST a reader would expect:
// clauses under the right stage, values converted, ranges in bytes, and
// misplaced or repeated lines reported.
#include "unit/TestSupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace escalade::testing {
namespace {

using ::testing::ElementsAre;

TEST(ASTBuilder, BuildsProcedureWithStagesAndClauses) {
  auto p = parse(R"(procedure medway "Medway – Escalation Policy"
  partnership "Medway Safeguarding Children Partnership"
  version "8"
  covers children and adults
  role line_manager "Line manager"
  role mash_di "MASH/CRU Detective Inspector" in kent_police
  fact cp_plan "The child is subject to a Child Protection Plan"
  contact mscp "MSCP" email "mscp@medway.gov.uk" phone "01634"
  outcome closed "Issue resolved"
  stage one "Stage 1 – line managers"
    owner line_manager
    owner mash_di in kent_police when cp_plan
    respond within 5 working days
    inform cp_chair when cp_plan
    when resolved -> closed
    when unresolved -> two
  stage two "Stage 2"
    number 7
    final
)");
  ASSERT_TRUE(p->findings().empty());
  ASSERT_EQ(p->file.procedures.size(), 1u);
  const ast::Procedure &proc = p->procedure();
  EXPECT_EQ(proc.name.text, "medway");
  EXPECT_EQ(proc.title.value, "Medway – Escalation Policy");
  EXPECT_EQ(proc.partnership->text.value,
            "Medway Safeguarding Children Partnership");
  EXPECT_EQ(proc.version->text.value, "8");
  EXPECT_EQ(proc.covers->audience, ast::Audience::ChildrenAndAdults);
  ASSERT_EQ(proc.declarations.size(), 5u);
  EXPECT_EQ(proc.declarations[1].kind, ast::DeclKind::Role);
  EXPECT_EQ(proc.declarations[1].agency->text, "kent_police");
  EXPECT_EQ(proc.declarations[3].kind, ast::DeclKind::Contact);
  ASSERT_EQ(proc.declarations[3].details.size(), 2u);
  EXPECT_EQ(proc.declarations[3].details[1].kind,
            ast::ContactDetail::Kind::Phone);

  ASSERT_EQ(proc.stages.size(), 2u);
  const ast::StageBody &one = proc.stages[0].body;
  ASSERT_EQ(one.owners.size(), 2u);
  EXPECT_EQ(one.owners[1].agency->text, "kent_police");
  EXPECT_FALSE(one.owners[1].condition->negated);
  ASSERT_TRUE(one.respond);
  EXPECT_EQ(one.respond->limit.count, 5u);
  EXPECT_EQ(one.respond->limit.unit, ast::DurationUnit::WorkingDays);
  ASSERT_EQ(one.transitions.size(), 2u);
  EXPECT_EQ(one.transitions[0].trigger, ast::Trigger::Resolved);
  EXPECT_EQ(one.transitions[1].target.name.text, "two");
  EXPECT_EQ(proc.stages[1].number->value, 7u);
  EXPECT_TRUE(proc.stages[1].body.final.has_value());
  EXPECT_FALSE(proc.hasSyntaxErrors);
}

struct DurationCase {
  const char *written;
  ast::DurationUnit unit;
  uint32_t count;
};

class Durations : public ::testing::TestWithParam<DurationCase> {};

TEST_P(Durations, ConvertEachUnit) {
  const DurationCase &c = GetParam();
  auto p = parse(std::string("procedure p \"P\"\n  stage s \"S\"\n    respond "
                             "within ") +
                 c.written + "\n");
  ASSERT_TRUE(p->findings().empty()) << c.written;
  const ast::Duration &d = p->procedure().stages[0].body.respond->limit;
  EXPECT_EQ(d.unit, c.unit) << c.written;
  EXPECT_EQ(d.count, c.count) << c.written;
}

INSTANTIATE_TEST_SUITE_P(
    AllUnits, Durations,
    ::testing::Values(
        DurationCase{"5 working days", ast::DurationUnit::WorkingDays, 5},
        DurationCase{"1 working day", ast::DurationUnit::WorkingDays, 1},
        DurationCase{"2 calendar days", ast::DurationUnit::CalendarDays, 2},
        DurationCase{"1 calendar day", ast::DurationUnit::CalendarDays, 1},
        DurationCase{"24 hours", ast::DurationUnit::Hours, 24},
        DurationCase{"1 hour", ast::DurationUnit::Hours, 1},
        DurationCase{"same day", ast::DurationUnit::SameDay, 0},
        // Nothing past the day, whatever the unit.
        DurationCase{"0 working days", ast::DurationUnit::SameDay, 0},
        DurationCase{"0 calendar days", ast::DurationUnit::SameDay, 0},
        DurationCase{"0 hours", ast::DurationUnit::SameDay, 0},
        DurationCase{"\"as soon as possible\"", ast::DurationUnit::Vague, 0}));

TEST(ASTBuilder, TimescaleWithAnchorAndTarget) {
  auto p = parse("procedure p \"P\"\n  stage s \"S\"\n    begin within 1 "
                 "working day from end of one, preferably same day\n");
  ASSERT_TRUE(p->findings().empty());
  const ast::Timescale &t = *p->procedure().stages[0].body.begin;
  EXPECT_EQ(t.limit.count, 1u);
  ASSERT_TRUE(t.anchor);
  EXPECT_EQ(t.anchor->point, ast::AnchorPoint::End);
  EXPECT_EQ(t.anchor->stage.text, "one");
  ASSERT_TRUE(t.target);
  EXPECT_EQ(t.target->unit, ast::DurationUnit::SameDay);
}

TEST(ASTBuilder, VagueTimescaleKeepsTheWords) {
  auto p = parse("procedure p \"P\"\n  stage s \"S\"\n    respond within "
                 "\"a time scale which is acceptable to both\"\n");
  const ast::Duration &d = p->procedure().stages[0].body.respond->limit;
  EXPECT_EQ(d.unit, ast::DurationUnit::Vague);
  EXPECT_EQ(d.vagueText, "a time scale which is acceptable to both");
}

/// Prints a condition with explicit brackets, to test precedence.
std::string show(const ast::Expr &e) {
  switch (e.kind) {
  case ast::Expr::Kind::Fact:
    return e.fact.text;
  case ast::Expr::Kind::Not:
    return std::string(1, '!').append(show(e.operands[0]));
  case ast::Expr::Kind::And:
  case ast::Expr::Kind::Or: {
    std::string s = "(";
    for (size_t i = 0; i < e.operands.size(); ++i) {
      if (i > 0)
        s.append(e.kind == ast::Expr::Kind::And ? " & " : " | ");
      s.append(show(e.operands[i]));
    }
    s.push_back(')');
    return s;
  }
  }
  return "?";
}

struct ConditionCase {
  const char *written;
  const char *structure;
};

class Conditions : public ::testing::TestWithParam<ConditionCase> {};

TEST_P(Conditions, NotBindsTighterThanAndTighterThanOr) {
  auto p = parse(std::string("procedure p \"P\"\n  stage s \"S\"\n    inform "
                             "r when ") +
                 GetParam().written + "\n");
  ASSERT_TRUE(p->findings().empty()) << GetParam().written;
  EXPECT_EQ(show(p->procedure().stages[0].body.informs[0].condition->expr),
            GetParam().structure);
}

INSTANTIATE_TEST_SUITE_P(
    Precedence, Conditions,
    ::testing::Values(ConditionCase{"a", "a"}, ConditionCase{"not a", "!a"},
                      ConditionCase{"a and b or c", "((a & b) | c)"},
                      ConditionCase{"a or b and c", "(a | (b & c))"},
                      ConditionCase{"not a and b", "(!a & b)"},
                      ConditionCase{"not (a or b)", "!(a | b)"},
                      ConditionCase{"(a or b) and not c", "((a | b) & !c)"},
                      ConditionCase{"not not a", "!!a"}));

TEST(ASTBuilder, UnlessIsANegatedCondition) {
  auto p = parse("procedure p \"P\"\n  stage s \"S\"\n    inform parents "
                 "unless risk\n");
  const ast::Condition &c = *p->procedure().stages[0].body.informs[0].condition;
  EXPECT_TRUE(c.negated);
  EXPECT_EQ(c.expr.fact.text, "risk");
}

TEST(ASTBuilder, RoleAndRecipientListsRecordTheirConnective) {
  auto p = parse(R"(procedure p "P"
  stage s "S"
    owner a or b or c
    involves a, b and equivalent c
    decision by x
    inform a and b
    send f to a or b
    copy to all parties
)");
  ASSERT_TRUE(p->findings().empty());
  const ast::StageBody &b = p->procedure().stages[0].body;
  EXPECT_EQ(b.owners[0].roles.connective, ast::Connective::AnyOf);
  EXPECT_EQ(b.owners[0].roles.roles.size(), 3u);
  EXPECT_EQ(b.involves[0].roles.connective, ast::Connective::AllOf);
  EXPECT_TRUE(b.involves[0].roles.roles[2].equivalent);
  EXPECT_EQ(b.authorities[0].roles.connective, ast::Connective::Single);
  EXPECT_EQ(b.informs[0].recipients.connective, ast::Connective::AllOf);
  EXPECT_EQ(b.forms[0].recipients.connective, ast::Connective::AnyOf);
  EXPECT_EQ(b.copies[0].recipients.recipients[0].kind,
            ast::Recipient::Kind::AllParties);
}

TEST(ASTBuilder, MixingOrWithAndIsAnError) {
  auto p =
      parse("procedure p \"P\"\n  stage s \"S\"\n    owner a or b and c\n");
  EXPECT_THAT(p->findings(), ElementsAre("3:13 syntax-error"));
  EXPECT_TRUE(p->procedure().hasSyntaxErrors);
}

TEST(ASTBuilder, EveryStageBlockCollectsSharedClauses) {
  auto p = parse(R"(procedure p "P"
  every stage
    keep record "Kept by all parties"
    respond within "in a timely way"
    when urgent -> mash
  stage s "S"
    owner a
)");
  ASSERT_TRUE(p->findings().empty());
  const ast::Procedure &proc = p->procedure();
  ASSERT_TRUE(proc.everyStage);
  EXPECT_EQ(proc.everyStage->body.records.size(), 1u);
  EXPECT_TRUE(proc.everyStage->body.respond);
  EXPECT_EQ(proc.everyStage->body.transitions.size(), 1u);
  EXPECT_EQ(proc.stages[0].body.owners.size(), 1u);
  EXPECT_TRUE(proc.stages[0].body.records.empty());
}

TEST(ASTBuilder, StageOnlyClauseUnderEveryStageIsMisplaced) {
  auto p = parse("procedure p \"P\"\n  every stage\n    owner a\n");
  EXPECT_THAT(p->findings(), ElementsAre("3:5 misplaced-line"));
  EXPECT_EQ(p->messages()[0], "`owner` cannot apply to every stage");
}

TEST(ASTBuilder, StageClauseBeforeAnyStageIsMisplaced) {
  auto p = parse("procedure p \"P\"\n  respond within 5 working days\n"
                 "  stage s \"S\"\n");
  EXPECT_THAT(p->findings(), ElementsAre("2:3 misplaced-line"));
}

TEST(ASTBuilder, LinesBeforeAnyProcedureAreReportedOnce) {
  auto p = parse("role a \"A\"\nrole b \"B\"\nprocedure p \"P\"\n");
  EXPECT_THAT(p->findings(), ElementsAre("1:1 misplaced-line"));
  EXPECT_EQ(p->file.procedures.size(), 1u);
}

TEST(ASTBuilder, RepeatedOnceOnlyClausesAreReported) {
  auto p = parse(R"(procedure p "P"
  version "1"
  version "2"
  stage s "S"
    respond within 5 working days
    respond within 3 working days
    final
    final
)");
  EXPECT_THAT(p->findings(),
              ElementsAre("3:3 duplicate-clause", "6:5 duplicate-clause",
                          "8:5 duplicate-clause"));
  EXPECT_EQ(p->procedure().version->text.value, "1");
  EXPECT_EQ(p->procedure().stages[0].body.respond->limit.count, 5u);
}

TEST(ASTBuilder, TextBlocksLoseTheirCommonIndentation) {
  auto p = parse("procedure p \"P\"\n  purpose \"\"\"\n    First line.\n"
                 "      Indented.\n\n    After a blank line.\n  \"\"\"\n");
  ASSERT_TRUE(p->findings().empty());
  EXPECT_EQ(p->procedure().purposes[0].text.value,
            "First line.\n  Indented.\n\nAfter a blank line.");
  EXPECT_TRUE(p->procedure().purposes[0].text.block);
}

TEST(ASTBuilder, StringEscapes) {
  auto p = parse(R"(procedure p "Say \"hello\" C:\folder \\ end")"
                 "\n");
  EXPECT_EQ(p->procedure().title.value, R"(Say "hello" C:\folder \ end)");
}

TEST(ASTBuilder, RangesAreBytesAndColumnsAreCharacters) {
  // "–" is three bytes in UTF-8 but one character.
  auto p = parse("procedure p \"a – b\"\n  role r \"R\"\n  stage s \"– –\" \n"
                 "    owner r\n");
  const ast::Stage &s = p->procedure().stages[0];
  EXPECT_EQ(p->sources.text(p->fileId).substr(
                s.title.range.begin, s.title.range.end - s.title.range.begin),
            "\"– –\"");
  source::LineColumn end = p->sources.end(s.title.range);
  EXPECT_EQ(end.line, 3u);
  EXPECT_EQ(end.column, 16u);
}

TEST(ASTBuilder, KeywordsCanBeNamesWhereNothingElseFits) {
  auto p = parse(R"(procedure p "P"
  outcome resolved "Resolved"
  role agency "Agency"
  stage review "Review"
    owner agency
    when resolved -> resolved
    when unresolved -> final
  stage final "Final"
)");
  ASSERT_TRUE(p->findings().empty()) << p->messages()[0];
  EXPECT_EQ(p->procedure().stages[0].name.text, "review");
  EXPECT_EQ(p->procedure().stages[0].body.transitions[0].target.name.text,
            "resolved");
}

TEST(ASTBuilder, DatesAreCheckedForExistence) {
  auto p = parse("procedure p \"P\"\n  ratified 2016-13\n  reviewed 2023-02-29"
                 "\n  review due 2024-02-29\n");
  EXPECT_THAT(p->findings(),
              ElementsAre("2:12 invalid-date", "3:12 invalid-date"));
  EXPECT_EQ(p->procedure().reviewDue->date.day, 29u);
}

TEST(ASTBuilder, DaysWithoutWorkingOrCalendarAreAmbiguous) {
  auto p =
      parse("procedure p \"P\"\n  stage s \"S\"\n    respond within 5 days\n");
  EXPECT_THAT(p->findings(), ElementsAre("3:22 ambiguous-unit"));
  ASSERT_EQ(p->diags.diagnostics()[0].fixes.size(), 1u);
  EXPECT_EQ(p->diags.diagnostics()[0].fixes[0].replacement, "working ");
}

TEST(ASTBuilder, SyntaxErrorsAreReportedOncePerLineAndRecovered) {
  auto p = parse(R"(procedure p "P"
  role r "R"
  stage one "One"
    respond within soon later
    owner r r r
    ower r
  stage two "Two"
    owner r
)");
  EXPECT_THAT(p->findings(),
              ElementsAre("4:20 syntax-error", "5:13 syntax-error",
                          "6:5 syntax-error"));
  const ast::Procedure &proc = p->procedure();
  EXPECT_TRUE(proc.hasSyntaxErrors);
  ASSERT_EQ(proc.stages.size(), 2u);
  EXPECT_EQ(proc.stages[1].body.owners.size(), 1u);
}

TEST(ASTBuilder, BrokenStageHeaderStillOpensAStage) {
  // Without the placeholder the owner line would land in stage `one`.
  auto p = parse(R"(procedure p "P"
  stage one "One"
    owner a
  stage two extra "Two"
    owner b
)");
  EXPECT_THAT(p->findings(), ElementsAre("4:13 syntax-error"));
  const ast::Procedure &proc = p->procedure();
  ASSERT_EQ(proc.stages.size(), 2u);
  EXPECT_EQ(proc.stages[0].body.owners.size(), 1u);
  EXPECT_EQ(proc.stages[1].name.text, "two");
  EXPECT_TRUE(proc.stages[1].title.value.empty());
  EXPECT_EQ(proc.stages[1].body.owners.size(), 1u);
}

TEST(ASTBuilder, LinesRepairedByErrorRecoveryBuildNothing) {
  // ANTLR recovers `when -> one` by making up a trigger and `allow "why"` by
  // making up a check name; neither may reach the AST.
  auto p = parse(R"(procedure p "P"
  allow "why"
  stage one "One"
    when -> one
    history "1" 2020-01 by changes "x"
)");
  EXPECT_EQ(p->findings().size(), 3u);
  const ast::Procedure &proc = p->procedure();
  EXPECT_TRUE(proc.suppressions.empty());
  EXPECT_TRUE(proc.stages[0].body.transitions.empty());
  EXPECT_TRUE(proc.history.empty());
  EXPECT_TRUE(proc.hasSyntaxErrors);
}

TEST(ASTBuilder, CommentsAreKeptWithTheirPlace) {
  auto p = parse("# first\nprocedure p \"P\" # trailing\n");
  ASSERT_EQ(p->file.comments.size(), 2u);
  EXPECT_EQ(p->file.comments[0].text, "# first");
  EXPECT_EQ(p->file.comments[1].text, "# trailing");
  EXPECT_EQ(p->sources.start(p->file.comments[1].range).column, 17u);
}

TEST(ASTBuilder, SeveralProceduresInOneFile) {
  auto p = parse("procedure a \"A\"\n  stage s \"S\"\nprocedure b \"B\"\n"
                 "  stage t \"T\"\n    when unresolved -> a.s\n");
  ASSERT_EQ(p->file.procedures.size(), 2u);
  const ast::Target &t = p->procedure(1).stages[0].body.transitions[0].target;
  EXPECT_EQ(t.procedure->text, "a");
  EXPECT_EQ(t.name.text, "s");
}

TEST(ASTBuilder, EmptyFileHasNoProcedure) {
  auto p = parse("# only a comment\n\n");
  EXPECT_THAT(p->findings(), ElementsAre("- no-procedure"));
}

} // namespace
} // namespace escalade::testing
