// TimingPropertyTest.cpp — the timing checks against brute force. Random
// small procedures, their stages timed in working days or calendar days,
// some with a wait before they begin, are checked on a small calendar of
// two years; then every route is walked from every day the calendar covers.
// An overall bound the checker reports broken must be passed on some day,
// and one it lets stand must hold on every day: in whole days the checker
// is exact, so it may never answer "cannot be worked out".
#include "unit/TestSupport.h"

#include "calendar/WorkingDayCalendar.h"
#include "sema/Checker.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <functional>
#include <random>

namespace escalade::testing {
namespace {

using namespace std::chrono;
using runtime::Day;

/// 2020 and 2021 with a few weekday holidays, Christmas and Easter among
/// them, so that spans differ by date.
const runtime::WorkingDayCalendar &smallCalendar() {
  static const runtime::WorkingDayCalendar cal(
      "test", 2020, 2021,
      {sys_days{2020y / April / 10}, sys_days{2020y / April / 13},
       sys_days{2020y / December / 25}, sys_days{2020y / December / 28},
       sys_days{2021y / January / 1}, sys_days{2021y / April / 2},
       sys_days{2021y / April / 5}, sys_days{2021y / December / 27},
       sys_days{2021y / December / 28}});
  return cal;
}

struct Time {
  bool working; ///< Working days, else calendar days.
  unsigned count;
  std::string text() const {
    return fmt::format("{} {} day{}", count, working ? "working" : "calendar",
                       count == 1 ? "" : "s");
  }
  Day after(Day d) const {
    return working ? smallCalendar().addWorkingDays(d, count) : d + days{count};
  }
};

struct Stage {
  Time respond;
  std::optional<Time> wait; ///< `begin within`, after the stage before.
  std::vector<size_t> next; ///< Later stages its routes lead to.
};

struct Procedure {
  std::vector<Stage> stages;
  Time bound;

  std::string text() const {
    std::string s = "procedure p \"P\"\n  overall within " + bound.text() +
                    "\n  fact risk \"Risk\"\n";
    for (size_t i = 0; i < stages.size(); ++i) {
      const Stage &st = stages[i];
      s += fmt::format("  stage s{} \"Stage {}\"\n", i, i);
      if (st.wait)
        s += "    begin within " + st.wait->text() + "\n";
      s += "    respond within " + st.respond.text() + "\n";
      for (size_t k = 0; k < st.next.size(); ++k)
        s += fmt::format("    when unresolved{} -> s{}\n",
                         k + 1 < st.next.size() ? " and risk" : "", st.next[k]);
      if (st.next.empty())
        s += "    final\n";
    }
    return s;
  }

  /// True when some route, started on some day, ends a stage after the
  /// last day the bound allows.
  bool brokenOnSomeDay() const {
    Day first = sys_days{2020y / January / 1};
    Day last = sys_days{2021y / December / 31};
    for (Day d = first; d <= last; d += days{1}) {
      Day deadline = bound.after(d);
      bool broken = false;
      std::function<void(size_t, Day)> walk = [&](size_t s, Day ended) {
        const Stage &st = stages[s];
        Day begins = st.wait ? st.wait->after(ended) : ended;
        Day ends = st.respond.after(begins);
        if (ends > deadline)
          broken = true;
        for (size_t n : st.next)
          walk(n, ends);
      };
      walk(0, d);
      if (broken)
        return true;
    }
    return false;
  }
};

Procedure randomProcedure(std::mt19937 &rng) {
  auto pick = [&](unsigned lo, unsigned hi) {
    return std::uniform_int_distribution<unsigned>(lo, hi)(rng);
  };
  auto time = [&](unsigned lo, unsigned hi) {
    return Time{pick(0, 2) != 0, pick(lo, hi)};
  };
  Procedure p;
  size_t n = pick(2, 5);
  p.stages.resize(n);
  unsigned total = 0;
  for (size_t i = 0; i < n; ++i) {
    Stage &st = p.stages[i];
    st.respond = time(1, 6);
    total += st.respond.count;
    if (pick(0, 3) == 0) {
      st.wait = time(1, 3);
      total += st.wait->count;
    }
    if (i + 1 < n) {
      st.next.push_back(i + 1);
      if (i + 2 < n && pick(0, 1))
        st.next.insert(st.next.begin(), pick(i + 2, n - 1));
    }
  }
  // Around the total, so that both answers come up.
  p.bound = time(std::max(1u, total / 2), total + 6);
  return p;
}

TEST(TimingProperty, OverallBoundsAgreeWithEveryRouteOnEveryDay) {
  std::mt19937 rng(20261124);
  int broken = 0, kept = 0;
  for (int i = 0; i < 120; ++i) {
    Procedure p = randomProcedure(rng);
    std::string text = p.text();
    std::unique_ptr<Parsed> parsed = parseAndResolve(text);
    ASSERT_EQ(parsed->diags.errorCount(), 0u) << text;
    sema::CheckOptions options;
    options.today = sys_days{2021y / January / 1};
    options.calendar = &smallCalendar();
    sema::checkFile(parsed->file, parsed->diags, options);
    bool reported = false;
    for (const diag::Diagnostic &d : parsed->diags.diagnostics()) {
      EXPECT_NE(d.kind, diag::DiagKind::UnverifiableBound) << text << d.message;
      reported |= d.kind == diag::DiagKind::TimescaleBoundExceeded;
    }
    bool truth = p.brokenOnSomeDay();
    EXPECT_EQ(reported, truth) << text;
    (truth ? broken : kept) += 1;
  }
  // The generator must exercise both answers.
  EXPECT_GT(broken, 20);
  EXPECT_GT(kept, 20);
}

} // namespace
} // namespace escalade::testing
