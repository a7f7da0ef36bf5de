// InterpreterTest.cpp — the interpreter on small procedures compiled from
// source: conditions, routes, skips, requirements, that a rejected event
// changes nothing, and the deadlines it sets, worked out by hand.
#include "interp/Interpreter.h"
#include "calendar/DateFormat.h"
#include "emit/TableBuilder.h"
#include "interp/CaseReport.h"
#include "interp/JsonWriter.h"
#include "parse/Parser.h"
#include "sema/Checker.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

using namespace escalade;
using ::testing::HasSubstr;

namespace {

table::Table compile(const std::string &text) {
  source::SourceManager sources;
  diag::DiagnosticEngine diags;
  uint32_t id = sources.addBuffer("test.esc", text);
  ast::File file = llvm::cantFail(parse::parseFile(sources, id, diags));
  sema::CheckOptions options;
  options.calendar = &runtime::WorkingDayCalendar::englandAndWales();
  sema::checkFile(file, diags, options);
  EXPECT_FALSE(diags.hasErrors());
  return emit::buildTable(file, runtime::WorkingDayCalendar::englandAndWales());
}

runtime::Instant at(const char *text) { return *runtime::parseTimestamp(text); }

const char *Procedure = R"(procedure p "P"
  role a "A"
  role b "B"
  fact x "X"
  fact y "Y"
  outcome done "Done"
  process help "Help"
  every stage
    when urgent -> help
  stage one "One"
    owner a
    respond within 2 working days
    inform b when x and not y
    when unresolved and (x or y) -> two
    when unresolved -> three
    when resolved -> done
  stage two "Two"
    owner b
    respond within 1 calendar day
    when unresolved -> three
  stage three "Three"
    owner b
    requires two
    begin within 1 working day
    respond within 24 hours
    decision by b
    final
)";

struct InterpreterTest : ::testing::Test {
  table::Table t = compile(Procedure);
  interp::Interpreter in{t, runtime::WorkingDayCalendar::englandAndWales()};
  std::string error;

  interp::Event event(interp::EventKind kind, const char *when) {
    interp::Event e;
    e.caseRef = "C-1";
    e.at = at(when);
    e.kind = kind;
    return e;
  }
  std::string stage() const {
    const interp::Case &c = in.cases().at(0);
    return t.strings[t.stages[c.current().stage].name];
  }
};

TEST_F(InterpreterTest, GuardsChooseTheRoute) {
  interp::Event raised = event(interp::EventKind::Raised, "2026-11-20T10:00");
  raised.facts = {"y"};
  ASSERT_TRUE(in.apply(raised, error)) << error;
  // x or y holds: the first route, to two.
  ASSERT_TRUE(
      in.apply(event(interp::EventKind::Escalated, "2026-11-23T10:00"), error))
      << error;
  EXPECT_EQ(stage(), "two");
}

TEST_F(InterpreterTest, TheFirstRouteWhoseGuardHoldsIsTaken) {
  ASSERT_TRUE(
      in.apply(event(interp::EventKind::Raised, "2026-11-20T10:00"), error));
  // Neither fact: the first route's guard fails; three requires two.
  EXPECT_FALSE(
      in.apply(event(interp::EventKind::Escalated, "2026-11-23T10:00"), error));
  EXPECT_THAT(error, HasSubstr("may only be reached after `two`"));
  EXPECT_EQ(stage(), "one");
  EXPECT_EQ(in.cases()[0].visits.size(), 1u) << "a rejected event changes "
                                                "nothing";
}

TEST_F(InterpreterTest, ANamedStageMustBeOnARouteWhoseGuardHolds) {
  ASSERT_TRUE(
      in.apply(event(interp::EventKind::Raised, "2026-11-20T10:00"), error));
  interp::Event e = event(interp::EventKind::Escalated, "2026-11-23T10:00");
  e.stage = "two";
  EXPECT_FALSE(in.apply(e, error));
  EXPECT_EQ(error, "the route from `one` to `two` applies only when `x` or "
                   "`y`, which is not so for this case");
}

TEST_F(InterpreterTest, NotificationsFollowTheFacts) {
  interp::Event raised = event(interp::EventKind::Raised, "2026-11-20T10:00");
  raised.facts = {"x"};
  ASSERT_TRUE(in.apply(raised, error));
  const interp::Case &c = in.cases()[0];
  EXPECT_TRUE(in.itemApplies(c, c.current().stage, 0));
  interp::Event set = event(interp::EventKind::FactSet, "2026-11-20T11:00");
  set.fact = "y";
  ASSERT_TRUE(in.apply(set, error));
  EXPECT_FALSE(in.itemApplies(c, c.current().stage, 0)) << "x and not y";
}

TEST_F(InterpreterTest, DeadlinesByTheRule) {
  // Raised Friday 20 November 2026 at 10:00: two working days are Monday
  // 23 and Tuesday 24 November.
  interp::Event raised = event(interp::EventKind::Raised, "2026-11-20T10:00");
  raised.facts = {"x"};
  ASSERT_TRUE(in.apply(raised, error));
  const interp::Visit one = in.cases()[0].visits[0];
  EXPECT_EQ(runtime::isoLocalTime(one.respondBy), "2026-11-24T23:59:59+00:00");
  // Into two on Wednesday 25 November at 16:00: one calendar day, so by the
  // end of Thursday 26 November.
  ASSERT_TRUE(
      in.apply(event(interp::EventKind::Escalated, "2026-11-25T16:00"), error));
  const interp::Visit two = in.cases()[0].visits[1];
  EXPECT_EQ(runtime::isoLocalTime(two.respondBy), "2026-11-26T23:59:59+00:00");
  // Three may begin up to a working day after two was due to end (Friday
  // 27 November), and takes 24 hours from when it begins.
  ASSERT_TRUE(
      in.apply(event(interp::EventKind::Escalated, "2026-11-27T15:30"), error));
  const interp::Visit three = in.cases()[0].visits[2];
  EXPECT_EQ(runtime::isoLocalTime(three.beginBy), "2026-11-27T23:59:59+00:00");
  EXPECT_EQ(runtime::isoLocalTime(three.respondBy),
            "2026-11-28T15:30:00+00:00");
  // One was left on Wednesday, and two on Friday: each a working day late.
  interp::CaseReport r =
      interp::reportCase(in, in.cases()[0], at("2026-11-28T12:00"));
  ASSERT_EQ(r.breaches.size(), 2u);
  EXPECT_EQ(r.breaches[0].kind, interp::DeadlineKind::Respond);
  EXPECT_EQ(r.breaches[0].stage, one.stage);
  EXPECT_EQ(r.breaches[0].workingDaysLate, 1);
  EXPECT_EQ(r.breaches[1].stage, two.stage);
  EXPECT_EQ(r.breaches[1].workingDaysLate, 1);
  // Three is due at 15:30 on Saturday: still open at noon.
  ASSERT_EQ(r.due.size(), 1u);
  EXPECT_EQ(r.due[0].stage, three.stage);
}

TEST_F(InterpreterTest, UrgentAndClosedCases) {
  ASSERT_TRUE(
      in.apply(event(interp::EventKind::Raised, "2026-11-20T10:00"), error));
  ASSERT_TRUE(
      in.apply(event(interp::EventKind::Urgent, "2026-11-20T11:00"), error));
  EXPECT_EQ(in.cases()[0].closure, interp::Closure::Process);
  EXPECT_FALSE(
      in.apply(event(interp::EventKind::Escalated, "2026-11-20T12:00"), error));
  EXPECT_THAT(error, HasSubstr("the case was closed"));
}

TEST_F(InterpreterTest, TimeMustNotGoBackwards) {
  ASSERT_TRUE(
      in.apply(event(interp::EventKind::Raised, "2026-11-20T10:00"), error));
  EXPECT_FALSE(
      in.apply(event(interp::EventKind::Urgent, "2026-11-20T09:59"), error));
  EXPECT_THAT(error, HasSubstr("time goes backwards"));
  EXPECT_TRUE(in.cases()[0].open());
}

TEST(InterpreterFacts, MoreThanSixtyFourFacts) {
  std::string text = "procedure p \"P\"\n  role a \"A\"\n";
  for (int i = 0; i < 70; ++i)
    text += "  fact f" + std::to_string(i) + " \"F\"\n";
  text += "  stage one \"One\"\n    owner a\n    respond within 1 working "
          "day\n    inform a when f69 and not f3\n    final\n";
  table::Table t = compile(text);
  interp::Interpreter in(t, runtime::WorkingDayCalendar::englandAndWales());
  interp::Event e;
  e.caseRef = "C-9";
  e.at = at("2026-11-20T10:00");
  e.facts = {"f69"};
  std::string error;
  ASSERT_TRUE(in.apply(e, error)) << error;
  const interp::Case &c = in.cases()[0];
  EXPECT_TRUE(in.itemApplies(c, c.current().stage, 0));
}

TEST(InterpreterFacts, ConditionsOfAnyWidth) {
  // `or` over 140 facts: more values than any fixed stack of 128.
  std::string text = "procedure p \"P\"\n  role a \"A\"\n  role b \"B\"\n";
  std::string any;
  for (int i = 0; i < 140; ++i) {
    text += "  fact f" + std::to_string(i) + " \"F\"\n";
    any += (i ? " or f" : "f") + std::to_string(i);
  }
  text += "  stage one \"One\"\n    owner a\n    respond within 1 working "
          "day\n    when unresolved and (" +
          any +
          ") -> two\n  stage two \"Two\"\n    owner b\n    respond "
          "within 1 working day\n    decision by b\n    final\n";
  table::Table t = compile(text);
  interp::Interpreter in(t, runtime::WorkingDayCalendar::englandAndWales());
  interp::Event e;
  e.caseRef = "C-10";
  e.at = at("2026-11-20T10:00");
  e.facts = {"f139"};
  std::string error;
  ASSERT_TRUE(in.apply(e, error)) << error;
  e.kind = interp::EventKind::Escalated;
  e.facts.clear();
  EXPECT_TRUE(in.apply(e, error)) << error;
  EXPECT_EQ(in.cases()[0].visits.size(), 2u);
}

TEST(JsonWriter, EscapesEverythingThatMustBe) {
  std::ostringstream out;
  interp::JsonWriter json(out);
  json.beginObject()
      .key("a\"b")
      .value("line\nbreak\t\\ \x01 – ok")
      .key("n")
      .value(int64_t(-3))
      .key("list")
      .beginArray()
      .value(true)
      .null()
      .endArray()
      .endObject();
  EXPECT_EQ(out.str(), "{\"a\\\"b\":\"line\\nbreak\\t\\\\ \\u0001 – ok\","
                       "\"n\":-3,\"list\":[true,null]}");
}

} // namespace
