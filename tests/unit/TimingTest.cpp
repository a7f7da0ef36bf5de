// TimingTest.cpp — the timing analysis on small procedures whose answers
// were worked out by hand: chains, branches (the worst is the longest),
// begin gaps, bounds from another stage, unknown stages, loops, skips,
// entries from another procedure, and the unit conversions.
#include "unit/TestSupport.h"

#include "calendar/WorkingDayCalendar.h"
#include "sema/Timing.h"

#include <gtest/gtest.h>

namespace escalade::testing {
namespace {

using sema::Metric;

/// A procedure parsed and analysed: the first procedure of `text`.
struct Analysed {
  explicit Analysed(std::string_view text)
      : parsed(parseAndResolve(text)), model(parsed->file, parsed->procedure()),
        graph(model),
        timing(graph, runtime::WorkingDayCalendar::englandAndWales()) {
    EXPECT_EQ(parsed->diags.errorCount(), 0u) << parsed->messages()[0];
  }
  uint32_t stage(const char *name) const {
    return static_cast<uint32_t>(*model.stageIndex(name));
  }
  std::unique_ptr<Parsed> parsed;
  sema::ProcedureModel model;
  sema::RouteGraph graph;
  sema::TimingAnalysis timing;
};

constexpr const char *Chain = R"(procedure p "P"
  stage a "A"
    respond within 3 working days
    when unresolved -> b
  stage b "B"
    respond within 2 working days
    when unresolved -> c
  stage c "C"
    respond within 5 working days
    final
)";

TEST(Timing, ChainAddsUp) {
  Analysed x(Chain);
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  EXPECT_EQ(p.enter(x.stage("a")).high(), 0u);
  EXPECT_EQ(p.finish(x.stage("a")).high(), 3u);
  EXPECT_EQ(p.enter(x.stage("b")).high(), 3u);
  EXPECT_EQ(p.enter(x.stage("c")).high(), 5u);
  EXPECT_EQ(p.finish(x.stage("c")).high(), 10u);
  EXPECT_FALSE(p.finishUnknown(x.stage("c")));
  EXPECT_FALSE(p.unbounded(x.stage("c")));
}

TEST(Timing, TheWorstOfTwoBranchesIsTheLongest) {
  // a(1) → b(5) → d and a(1) → c(2) → d: d is entered at 6, by way of b.
  Analysed x(R"(procedure p "P"
  fact f "F"
  stage a "A"
    respond within 1 working day
    when unresolved and f -> b
    when unresolved -> c
  stage b "B"
    respond within 5 working days
    when unresolved -> d
  stage c "C"
    respond within 2 working days
    when unresolved -> d
  stage d "D"
    final
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  EXPECT_EQ(p.enter(x.stage("d")).high(), 6u);
  std::vector<uint32_t> route = x.timing.worstRoute(p, x.stage("d"));
  ASSERT_EQ(route.size(), 2u);
  EXPECT_EQ(x.graph.edge(route[0]).to, x.stage("b"));
}

TEST(Timing, BeginWithinAddsAGapAfterTheStageBefore) {
  // b may begin up to 2 days after a ends: entered at 3 + 2.
  Analysed x(R"(procedure p "P"
  stage a "A"
    respond within 3 working days
    when unresolved -> b
  stage b "B"
    begin within 2 working days from end of a
    respond within 1 working day
    final
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  EXPECT_EQ(p.enter(x.stage("b")).high(), 5u);
  EXPECT_EQ(p.finish(x.stage("b")).high(), 6u);
}

TEST(Timing, BoundFromTheStartOrEndOfAnotherStage) {
  Analysed x(Chain);
  uint32_t a = x.stage("a"), c = x.stage("c");
  // From the start of a: a's 3 and b's 2 before c begins.
  EXPECT_EQ(
      x.timing.fromStage(a, ast::AnchorPoint::Start, Metric::WorkingDays, c)
          .enter(c)
          .high(),
      5u);
  // From the end of a: only b's 2.
  EXPECT_EQ(x.timing.fromStage(a, ast::AnchorPoint::End, Metric::WorkingDays, c)
                .enter(c)
                .high(),
            2u);
  // Nothing before the anchor is reached.
  EXPECT_FALSE(x.timing
                   .fromStage(x.stage("b"), ast::AnchorPoint::Start,
                              Metric::WorkingDays, c)
                   .reached(a));
}

TEST(Timing, AStageWithoutATimescaleCountsAsNothingButIsRemembered) {
  Analysed x(R"(procedure p "P"
  stage a "A"
    respond within 3 working days
    when unresolved -> b
  stage b "B"
    when unresolved -> c
  stage c "C"
    respond within "as soon as possible"
    final
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  uint32_t b = x.stage("b"), c = x.stage("c");
  EXPECT_EQ(p.enter(c).high(), 3u);
  EXPECT_FALSE(p.enterUnknown(b));
  EXPECT_TRUE(p.finishUnknown(b));
  EXPECT_TRUE(p.enterUnknown(c));
  EXPECT_EQ(p.unknownStage(c), static_cast<int32_t>(b));
  EXPECT_FALSE(x.timing.duration(c, Metric::WorkingDays).has_value());
}

TEST(Timing, ALoopMakesEverythingAfterItUnbounded) {
  Analysed x(R"(procedure p "P"
  stage a "A"
    respond within 1 working day
    when unresolved -> b
  stage b "B"
    respond within 1 working day
    when overdue -> a
    when unresolved -> c
  stage c "C"
    respond within 1 working day
    final
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  EXPECT_TRUE(p.unbounded(x.stage("a")));
  EXPECT_TRUE(p.unbounded(x.stage("b")));
  EXPECT_TRUE(p.unbounded(x.stage("c")));
  const sema::RouteGraph::Components &comps = x.timing.components();
  EXPECT_EQ(comps.of[x.stage("a")], comps.of[x.stage("b")]);
  EXPECT_TRUE(comps.cyclic[comps.of[x.stage("a")]]);
  EXPECT_FALSE(comps.cyclic[comps.of[x.stage("c")]]);
}

TEST(Timing, SkippingCanReachAnyLaterStageButNeverAddsTime) {
  // With skips c may follow a directly (after 3 days) or by way of b (after
  // 5): the worst case is still 5, and every stage is an entry.
  std::string text = Chain;
  text.insert(text.find('\n') + 1, "  stages may be skipped\n");
  Analysed x(text);
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  EXPECT_EQ(p.enter(x.stage("c")).high(), 5u);
  std::vector<bool> reach = x.graph.reachable(x.graph.entries());
  EXPECT_TRUE(reach[x.stage("c")]);
  // c can be reached without passing b: a skip.
  EXPECT_FALSE(
      x.graph.pathTo(x.graph.entries(), x.stage("c"), x.stage("b")).empty());
  // Linear size: three stages, three lane nodes.
  EXPECT_EQ(x.graph.nodeCount(), 6u);
}

TEST(Timing, AStageEnteredFromAnotherProcedureKeepsItsWorstCase) {
  // `b` is an entry (from q) at time 0, but routes reach it at 3: the worst
  // case is 3.
  Analysed x(R"(procedure p "P"
  stage a "A"
    respond within 3 working days
    when unresolved -> b
  stage b "B"
    final
procedure q "Q"
  stage z "Z"
    when unresolved -> p.b
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  EXPECT_EQ(p.enter(x.stage("b")).high(), 3u);
}

TEST(Timing, BorrowedBeginIsMeasuredFromTheBorrowersPredecessor) {
  // Suffolk: "Stage 3 ... within the same timescale as Stage 2", whose own
  // begin is "from end of one". For three it means one day after two ends.
  Analysed x(R"(procedure p "P"
  stage one "One"
    respond within 3 working days
    when unresolved -> two
  stage two "Two"
    begin within 1 working day from end of one
    respond within 2 working days
    when unresolved -> three
  stage three "Three"
    timescale same as two
    final
)");
  const sema::StageInfo &three = x.model[x.stage("three")];
  EXPECT_TRUE(three.beginFromPredecessor);
  EXPECT_EQ(three.beginFrom, static_cast<int32_t>(x.stage("two")));
  EXPECT_EQ(three.respondFrom, static_cast<int32_t>(x.stage("two")));
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  // one 3, gap 1, two 2, gap 1: three entered at 7 and, borrowing two's
  // 2 working days, finished by 9.
  EXPECT_EQ(p.enter(x.stage("three")).high(), 7u);
  EXPECT_EQ(p.finish(x.stage("three")).high(), 9u);
}

struct Conversion {
  ast::DurationUnit unit;
  uint32_t count;
  Metric metric;
  uint64_t bound;
};

class Conversions : public ::testing::TestWithParam<Conversion> {};

TEST_P(Conversions, NeverUnderstate) {
  const Conversion &c = GetParam();
  ast::Duration d;
  d.unit = c.unit;
  d.count = c.count;
  EXPECT_EQ(sema::upperBound(d, c.metric,
                             runtime::WorkingDayCalendar::englandAndWales()),
            c.bound);
}

// Worked by hand: 5 working days from Friday 23 December 2022 end on
// Wednesday 4 January 2023 (26, 27 December and 2 January are bank
// holidays), 12 calendar days; 1 working day from Thursday 24 December 2020
// ends on Tuesday 29 (25, 28 December are holidays), 5 days.
INSTANTIATE_TEST_SUITE_P(
    Units, Conversions,
    ::testing::Values(
        Conversion{ast::DurationUnit::WorkingDays, 5, Metric::WorkingDays, 5},
        Conversion{ast::DurationUnit::WorkingDays, 5, Metric::CalendarDays, 12},
        Conversion{ast::DurationUnit::WorkingDays, 1, Metric::CalendarDays, 5},
        Conversion{ast::DurationUnit::WorkingDays, 1, Metric::Hours, 6 * 24},
        Conversion{ast::DurationUnit::CalendarDays, 4, Metric::WorkingDays, 4},
        Conversion{ast::DurationUnit::CalendarDays, 4, Metric::Hours, 5 * 24},
        Conversion{ast::DurationUnit::Hours, 24, Metric::WorkingDays, 1},
        Conversion{ast::DurationUnit::Hours, 25, Metric::CalendarDays, 2},
        Conversion{ast::DurationUnit::Hours, 30, Metric::Hours, 30},
        Conversion{ast::DurationUnit::SameDay, 0, Metric::WorkingDays, 0},
        Conversion{ast::DurationUnit::SameDay, 0, Metric::Hours, 24}));

TEST(Timing, MixedUnitsAddUpInTheBoundsMetric) {
  // A bound in calendar days over stages in working days and hours: 3
  // working days can take 7 calendar days (Christmas 2015: Thursday 24 to
  // Thursday 31 December, with 25 and 28 December holidays), 48 hours two.
  Analysed x(R"(procedure p "P"
  stage a "A"
    respond within 3 working days
    when unresolved -> b
  stage b "B"
    respond within 48 hours
    final
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::CalendarDays);
  EXPECT_EQ(p.finish(x.stage("b")).high(), 7u + 2u);
}

TEST(Timing, WorstRouteFollowsTheLatestArrivals) {
  Analysed x(Chain);
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  std::vector<uint32_t> route = x.timing.worstRoute(p, x.stage("c"));
  ASSERT_EQ(route.size(), 2u);
  EXPECT_EQ(x.graph.edge(route[0]).from, x.stage("a"));
  EXPECT_EQ(x.graph.edge(route[1]).to, x.stage("c"));
}

TEST(Timing, OwnBeginAndBorrowedRespondAreBothKept) {
  Analysed x(R"(procedure p "P"
  stage one "One"
    respond within 5 working days
    when unresolved -> two
  stage two "Two"
    begin within 1 working day
    timescale same as one
    final
)");
  const sema::StageInfo &two = x.model[x.stage("two")];
  EXPECT_EQ(two.respondFrom, static_cast<int32_t>(x.stage("one")));
  EXPECT_EQ(two.beginFrom, -1);
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  EXPECT_EQ(p.finish(x.stage("two")).high(), 5u + 1u + 5u);
}

TEST(Timing, EveryStageRouteDoesNotLeadAStageToItself) {
  Analysed x(R"(procedure p "P"
  every stage
    when urgent -> protect
  stage one "One"
    respond within 5 working days
    when unresolved -> protect
  stage protect "Protect"
    respond within 1 working day
    final
)");
  for (const sema::Route &r : x.model[x.stage("protect")].routes)
    EXPECT_NE(r.stage, static_cast<int32_t>(x.stage("protect")));
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  EXPECT_FALSE(p.unbounded(x.stage("protect")));
}

TEST(Timing, AFirstStagesBeginCountsFromRaising) {
  Analysed x(R"(procedure p "P"
  stage one "One"
    begin within 2 working days
    respond within 5 working days
    final
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  EXPECT_EQ(p.enter(x.stage("one")).high(), 2u);
  EXPECT_EQ(p.finish(x.stage("one")).high(), 7u);
  ASSERT_TRUE(p.entryWait(x.stage("one")).has_value());
}

TEST(Timing, WorkingDaysAloneConvertOnceAndExactly) {
  // Two stages of 5 working days: 10 working days take at most 19
  // calendar days (Friday 23 December 2022 to Wednesday 11 January 2023),
  // not the 24 that converting each stage separately would give.
  Analysed x(R"(procedure p "P"
  stage a "A"
    respond within 5 working days
    when unresolved -> b
  stage b "B"
    respond within 5 working days
    final
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::CalendarDays);
  sema::Reach r = p.finish(x.stage("b"));
  EXPECT_EQ(r.low, 10u);
  EXPECT_EQ(r.exact, 19);
  EXPECT_EQ(r.exactWorkingDays, 10);
  EXPECT_EQ(r.mixed, -1);
}

TEST(Timing, MixedUnitsGiveARange) {
  // 5 working days then 10 calendar days, in working days: at least 5
  // plus the fewest working days 10 calendar days hold (3, over Christmas
  // 2020), at most 5 + 10.
  Analysed x(R"(procedure p "P"
  stage a "A"
    respond within 5 working days
    when unresolved -> b
  stage b "B"
    respond within 10 calendar days
    final
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  sema::Reach r = p.finish(x.stage("b"));
  EXPECT_EQ(
      r.low,
      5u + runtime::WorkingDayCalendar::englandAndWales().minWorkingDaysIn(10));
  EXPECT_EQ(r.exact, -1);
  EXPECT_EQ(r.mixed, 15);
  std::vector<uint32_t> route =
      x.timing.worstRoute(p, x.stage("b"), sema::RouteKind::Mixed, true);
  ASSERT_EQ(route.size(), 1u);
  EXPECT_EQ(x.graph.edge(route[0]).from, x.stage("a"));
}

TEST(Timing, DatesDecideWhatMixedUnitsCannot) {
  Analysed x(R"(procedure p "P"
  stage a "A"
    respond within 5 working days
    when unresolved -> b
  stage b "B"
    respond within 10 calendar days
    final
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  ast::Duration bound;
  bound.unit = ast::DurationUnit::WorkingDays;
  // 10 calendar days hold at most 8 working days: 13 in all, kept by 14.
  bound.count = 14;
  sema::DateSearch kept = x.timing.searchDates(p, {x.stage("b")}, true, bound);
  EXPECT_FALSE(kept.breach.has_value());
  EXPECT_EQ(kept.outcome, sema::DateSearch::Outcome::Kept);
  // ...but not by 10: raised on Thursday 1 January 2015 (a bank holiday),
  // a ends on Thursday 8 January and b on Sunday 18, three days after the
  // tenth working day, Thursday 15 January.
  bound.count = 10;
  sema::DateSearch broken =
      x.timing.searchDates(p, {x.stage("b")}, true, bound);
  ASSERT_EQ(broken.outcome, sema::DateSearch::Outcome::Breach);
  ASSERT_TRUE(broken.breach.has_value());
  using namespace std::chrono;
  EXPECT_EQ(broken.breach->from, sys_days{2015y / January / 1});
  EXPECT_EQ(broken.breach->reached, sys_days{2015y / January / 18});
  EXPECT_EQ(broken.breach->deadline, sys_days{2015y / January / 15});
  EXPECT_EQ(broken.breach->route.size(), 1u);
}

TEST(Timing, ALoopIsFollowedOnceForItsLeastTime) {
  // a(2) ⇄ b(5) → c(6): the loop makes c unbounded, but once round it is
  // at least 2 + 5 before c begins.
  Analysed x(R"(procedure p "P"
  stage a "A"
    respond within 2 working days
    when unresolved -> b
  stage b "B"
    respond within 5 working days
    when unresolved and risk -> c
    when unresolved -> a
  stage c "C"
    respond within 6 working days
    final
  fact risk "Risk"
)");
  sema::TimingPass p = x.timing.fromEntries(Metric::WorkingDays);
  EXPECT_TRUE(p.unbounded(x.stage("c")));
  EXPECT_EQ(p.enter(x.stage("c")).low, 7u);
  std::vector<uint32_t> route = x.timing.worstRoute(p, x.stage("c"));
  ASSERT_EQ(route.size(), 2u);
  EXPECT_EQ(x.graph.edge(route[0]).from, x.stage("a"));
}

struct LowerConversion {
  ast::DurationUnit unit;
  uint32_t count;
  Metric metric;
  uint64_t bound;
};

class LowerConversions : public ::testing::TestWithParam<LowerConversion> {};

TEST_P(LowerConversions, NeverOverstate) {
  const LowerConversion &c = GetParam();
  ast::Duration d;
  d.unit = c.unit;
  d.count = c.count;
  EXPECT_EQ(sema::lowerBound(d, c.metric,
                             runtime::WorkingDayCalendar::englandAndWales()),
            c.bound);
}

// Good Friday to Easter Monday: four days without a working day. Christmas
// 2020, Thursday 24 to Sunday 3 January: of the 10 days from Friday 25,
// only 29, 30, 31 December are working days.
INSTANTIATE_TEST_SUITE_P(
    Units, LowerConversions,
    ::testing::Values(
        LowerConversion{ast::DurationUnit::WorkingDays, 5, Metric::CalendarDays,
                        5},
        LowerConversion{ast::DurationUnit::WorkingDays, 2, Metric::Hours, 48},
        LowerConversion{ast::DurationUnit::CalendarDays, 4, Metric::WorkingDays,
                        0},
        LowerConversion{ast::DurationUnit::CalendarDays, 5, Metric::WorkingDays,
                        1},
        LowerConversion{ast::DurationUnit::CalendarDays, 10,
                        Metric::WorkingDays, 3},
        LowerConversion{ast::DurationUnit::Hours, 47, Metric::CalendarDays, 1},
        LowerConversion{ast::DurationUnit::Hours, 120, Metric::WorkingDays, 1},
        LowerConversion{ast::DurationUnit::SameDay, 0, Metric::Hours, 0}));

} // namespace
} // namespace escalade::testing
