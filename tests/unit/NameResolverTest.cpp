// NameResolverTest.cpp — every kind of reference resolves to a declaration
// of the right kind, and each failure is reported with the right check.
#include "unit/TestSupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace escalade::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char *Clean = R"(procedure p "P"
  role manager "Manager"
  role chair "Chair"
  agency police "Police"
  role inspector "Inspector" in police
  fact cp_plan "CP plan"
  form f "Form"
  record file "File"
  contact box "Box" email "box@example.org"
  outcome done "Done"
  process complaints "Complaints"
  start one
  every stage
    keep record in file
    when resolved -> done
  stage one "One"
    owner manager
    owner inspector in police when cp_plan
    respond within 5 working days
    inform chair when not cp_plan
    copy to box
    complete f
    send f to box or chair
    when unresolved -> two
  stage two "Two"
    owner chair
    requires one
    begin within 1 working day from end of one
    timescale same as one
    decision by chair
    when unresolved and cp_plan -> complaints
    when urgent -> q.start_here
procedure q "Q"
  stage start_here "Start"
)";

TEST(NameResolver, ACompleteProcedureResolves) {
  auto p = parseAndResolve(Clean);
  EXPECT_TRUE(p->findings().empty()) << p->messages()[0];
}

struct ReferenceCase {
  const char *line;    ///< A clause added to stage `s`.
  const char *finding; ///< Expected "col check" on line 6.
};

class BadReferences : public ::testing::TestWithParam<ReferenceCase> {};

TEST_P(BadReferences, AreReportedAsTheRightCheck) {
  std::string text = "procedure p \"P\"\n"
                     "  role manager \"Manager\"\n"
                     "  fact cp_plan \"CP\"\n"
                     "  outcome done \"Done\"\n"
                     "  stage s \"S\"\n    ";
  text += GetParam().line;
  text += "\n";
  auto p = parseAndResolve(text);
  EXPECT_THAT(p->findings(),
              ElementsAre(std::string("6:") + GetParam().finding))
      << GetParam().line;
}

INSTANTIATE_TEST_SUITE_P(
    EveryPosition, BadReferences,
    ::testing::Values(
        ReferenceCase{"owner nobody", "11 undefined-name"},
        ReferenceCase{"involves equivalent nobody", "25 undefined-name"},
        ReferenceCase{"decision by nobody", "17 undefined-name"},
        ReferenceCase{"owner manager in nowhere", "22 undefined-name"},
        ReferenceCase{"inform nobody", "12 undeclared-recipient"},
        ReferenceCase{"copy to nobody", "13 undeclared-recipient"},
        ReferenceCase{"inform manager when nothing", "25 undeclared-fact"},
        ReferenceCase{"when unresolved and not nothing -> done",
                      "29 undeclared-fact"},
        ReferenceCase{"complete nothing", "14 undefined-name"},
        ReferenceCase{"keep record in nothing", "20 undefined-name"},
        ReferenceCase{"when unresolved -> nowhere",
                      "24 undefined-stage-reference"},
        ReferenceCase{"requires nowhere", "14 undefined-stage-reference"},
        ReferenceCase{"timescale same as nowhere",
                      "23 undefined-stage-reference"},
        ReferenceCase{"respond within 1 working day from end of nowhere",
                      "46 undefined-stage-reference"},
        ReferenceCase{"inform cp_plan", "12 wrong-kind-of-name"},
        ReferenceCase{"owner s", "11 wrong-kind-of-name"},
        ReferenceCase{"when unresolved -> manager", "24 wrong-kind-of-name"}));

TEST(NameResolver, SuggestsACloseName) {
  auto p = parseAndResolve("procedure p \"P\"\n  role line_manager \"LM\"\n"
                           "  stage s \"S\"\n    owner line_manger\n");
  ASSERT_THAT(p->findings(), ElementsAre("4:11 undefined-name"));
  EXPECT_EQ(p->messages()[0], "no role called `line_manger` is declared in "
                              "procedure `p`; did you mean `line_manager`?");
  const diag::Diagnostic &d = p->diags.diagnostics()[0];
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(d.fixes[0].replacement, "line_manager");
}

TEST(NameResolver, SuggestsOnlyNamesOfTheRightKind) {
  // The role `tox` is as close to `tow` as the stage, but a route needs a
  // stage, so only stages are candidates.
  auto p = parseAndResolve("procedure p \"P\"\n  role tox \"R\"\n"
                           "  stage two \"S\"\n    when unresolved -> tow\n");
  ASSERT_EQ(p->messages().size(), 1u);
  EXPECT_THAT(p->messages()[0], HasSubstr("did you mean `two`?"));
}

TEST(NameResolver, NoSuggestionGivesTheDeclarationToAdd) {
  auto p = parseAndResolve("procedure p \"P\"\n  stage s \"S\"\n"
                           "    inform x when cp_plan\n");
  ASSERT_EQ(p->diags.diagnostics().size(), 2u);
  const diag::Diagnostic &fact = p->diags.diagnostics()[1];
  EXPECT_EQ(fact.name(), "undeclared-fact");
  ASSERT_EQ(fact.notes.size(), 1u);
  EXPECT_THAT(fact.notes[0].message, HasSubstr("fact cp_plan"));
}

TEST(NameResolver, DuplicateDefinitionPointsAtTheFirst) {
  auto p = parseAndResolve("procedure p \"P\"\n  role one \"R\"\n"
                           "  stage one \"S\"\n    owner one\n");
  ASSERT_THAT(p->findings(), ElementsAre("3:9 duplicate-definition"));
  const diag::Diagnostic &d = p->diags.diagnostics()[0];
  ASSERT_FALSE(d.notes.empty());
  EXPECT_EQ(p->sources.start(d.notes[0].range).line, 2u);
}

TEST(NameResolver, DuplicateProcedureNames) {
  auto p = parseAndResolve("procedure p \"A\"\nprocedure p \"B\"\n");
  EXPECT_THAT(p->findings(), ElementsAre("2:11 duplicate-definition"));
}

TEST(NameResolver, RoutesIntoOtherProcedures) {
  auto p = parseAndResolve(R"(procedure a "A"
  stage s "S"
    when unresolved -> b
    when urgent -> b.t
    when overdue -> b.nope
    when resolved -> c.t
procedure b "B"
  stage t "T"
)");
  EXPECT_THAT(p->findings(), ElementsAre("5:23 undefined-stage-reference",
                                         "6:22 undefined-stage-reference"));
}

TEST(NameResolver, NamesAreStillCheckedAfterASyntaxError) {
  // Sorted by position, as the driver prints them.
  auto p = parseAndResolve("procedure p \"P\"\n  stage s \"S\"\n"
                           "    owner nobody\n    respond within\n");
  p->diags.sortByLocation();
  EXPECT_THAT(p->findings(),
              ElementsAre("3:11 undefined-name", "4:19 syntax-error"));
}

TEST(NameResolver, NamesOnBrokenLinesAreNotReportedAgain) {
  // `lead` is declared on a line that does not parse, and stage `two` is
  // opened by a misspelt line: using them is not a second mistake.
  auto p = parseAndResolve(R"(procedure p "P"
  role lead
  stage one "One"
    owner lead
    when unresolved -> two
  Stage two "Two"
    owner nobody
)");
  p->diags.sortByLocation();
  EXPECT_THAT(p->findings(),
              ElementsAre("2:12 syntax-error", "6:3 syntax-error",
                          "7:11 undefined-name"));
}

} // namespace
} // namespace escalade::testing
