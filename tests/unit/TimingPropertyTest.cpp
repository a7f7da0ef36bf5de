// TimingPropertyTest.cpp — the timing checks against brute force. Random
// small procedures, their stages timed in working days or calendar days
// (zero among them), some with a wait before they begin or a `begin
// within` measured from an earlier stage, some whose stages may be
// skipped, are checked on a small calendar
// of two years; then every route is walked from every day the calendar
// covers.
// An overall bound the checker reports broken must be passed on some day,
// and one it lets stand must hold on every day: in whole days the checker
// is exact, so it may never answer "cannot be worked out".
#include "unit/TestSupport.h"

#include "calendar/WorkingDayCalendar.h"
#include "sema/Checker.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
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
  bool working;   ///< Working days, else calendar days.
  unsigned count; ///< 0 reads as the same day.
  std::string text() const {
    return fmt::format("{} {} day{}", count, working ? "working" : "calendar",
                       count == 1 ? "" : "s");
  }
  Day after(Day d) const {
    if (count == 0)
      return d;
    return working ? smallCalendar().addWorkingDays(d, count) : d + days{count};
  }
};

/// `begin within L from start of X` or `from end of X`.
struct AnchoredWait {
  size_t anchor;
  bool fromStart;
  Time limit;
};

struct Stage {
  Time respond;
  std::optional<Time> wait;             ///< `begin within`, after the stage
                                        ///< before (or the raising).
  std::optional<AnchoredWait> anchored; ///< Or measured from a stage.
  std::vector<size_t> next;             ///< Later stages its routes lead to.
};

struct Procedure {
  std::vector<Stage> stages;
  Time bound;
  bool skippable = false; ///< `stages may be skipped`.

  /// Where a stage's routes lead: those written, and with skipping any
  /// later stage.
  std::vector<size_t> next(size_t s) const {
    std::vector<size_t> out = stages[s].next;
    if (skippable)
      for (size_t k = s + 1; k < stages.size(); ++k)
        if (std::find(out.begin(), out.end(), k) == out.end())
          out.push_back(k);
    return out;
  }
  /// Where an escalation can start: the first stage, or with skipping any.
  std::vector<size_t> entries() const {
    std::vector<size_t> out{0};
    for (size_t k = 1; skippable && k < stages.size(); ++k)
      out.push_back(k);
    return out;
  }

  std::string text() const {
    std::string s = "procedure p \"P\"\n  overall within " + bound.text() +
                    "\n  fact risk \"Risk\"\n";
    if (skippable)
      s += "  stages may be skipped\n";
    for (size_t i = 0; i < stages.size(); ++i) {
      const Stage &st = stages[i];
      s += fmt::format("  stage s{} \"Stage {}\"\n", i, i);
      if (st.wait)
        s += "    begin within " + st.wait->text() + "\n";
      if (st.anchored)
        s += fmt::format(
            "    begin within {} from {} of s{}\n", st.anchored->limit.text(),
            st.anchored->fromStart ? "start" : "end", st.anchored->anchor);
      s += "    respond within " + st.respond.text() + "\n";
      for (size_t k = 0; k < st.next.size(); ++k)
        s += fmt::format("    when unresolved{} -> s{}\n",
                         k + 1 < st.next.size() ? " and risk" : "", st.next[k]);
      if (st.next.empty())
        s += "    final\n";
    }
    return s;
  }

  /// Whether some route, started on some day, ends a stage after the last
  /// day the overall bound allows. Like the checker, start days whose
  /// routes run past the calendar's last year are not tried.
  bool overallBroken() const {
    Day first = sys_days{2020y / January / 1};
    Day last = sys_days{2021y / December / 31};
    for (Day d = first; d <= last; d += days{1}) {
      Day deadline = bound.after(d);
      bool broken = false, beyond = deadline > last;
      std::vector<std::optional<std::pair<Day, Day>>> on(stages.size());
      // Walks every route; `on` holds when each stage on it began and
      // ended.
      std::function<void(size_t, Day)> walk = [&](size_t s, Day ended) {
        const Stage &st = stages[s];
        Day begins = st.wait ? st.wait->after(ended) : ended;
        if (st.anchored && on[st.anchored->anchor]) {
          auto [b, e] = *on[st.anchored->anchor];
          begins = std::max(
              begins, st.anchored->limit.after(st.anchored->fromStart ? b : e));
        }
        Day ends = st.respond.after(begins);
        broken |= ends > deadline;
        beyond |= ends > last;
        on[s] = {begins, ends};
        for (size_t n : next(s))
          walk(n, ends);
        on[s].reset();
      };
      for (size_t e : entries())
        walk(e, d);
      if (beyond)
        break;
      if (broken)
        return true;
    }
    return false;
  }

  /// True when some route leads from stage `from` to stage `to`.
  bool leadsTo(size_t from, size_t to) const {
    if (from == to)
      return true;
    for (size_t n : next(from))
      if (leadsTo(n, to))
        return true;
    return false;
  }

  /// True when the start (or end) of stage `s` falls on a working day
  /// however the escalation went: it follows a time in working days.
  bool onWorkingDay(size_t s, bool atStart) const {
    const Stage &st = stages[s];
    if (!atStart)
      return (st.respond.working && st.respond.count > 0) ||
             (st.respond.count == 0 && onWorkingDay(s, true));
    // A wait before it: in working days it ends on one; in calendar days
    // it may end on any day; the same day changes nothing.
    auto afterWait = [&](const Time &t, bool base) {
      return t.count == 0 ? base : t.working;
    };
    if (s == 0 || skippable) // raised on any day
      return st.wait && st.wait->working && st.wait->count > 0;
    bool any = false, all = true;
    for (size_t k = 0; k < s; ++k)
      for (size_t n : next(k))
        if (n == s) {
          any = true;
          bool base = onWorkingDay(k, false);
          all = all && (st.wait ? afterWait(*st.wait, base) : base);
        }
    if (st.anchored)
      all = all &&
            afterWait(st.anchored->limit, onWorkingDay(st.anchored->anchor,
                                                       st.anchored->fromStart));
    return any && all;
  }

  /// Whether stage `k`'s `begin within ... from ... of X` can be broken:
  /// X starting (or ending) on any day it can, every route on from X is
  /// walked, and `k` reached after the last day the bound allows. Routes
  /// on which a wait measured from a stage before X applies cannot be
  /// settled (nullopt), as the checker cannot settle them either.
  std::optional<bool> stageBoundBroken(size_t k) const {
    const AnchoredWait &w = *stages[k].anchored;
    Day first = sys_days{2020y / January / 1};
    Day last = sys_days{2021y / December / 31};
    bool workingOnly = onWorkingDay(w.anchor, w.fromStart);
    bool broken = false, open = false;
    for (Day t = first; t <= last; t += days{1}) {
      if (workingOnly && !smallCalendar().isWorkingDay(t))
        continue;
      Day deadline = w.limit.after(t);
      bool beyond = deadline > last, today = false;
      std::vector<std::optional<std::pair<Day, Day>>> on(stages.size());
      std::function<void(size_t, Day)> walk = [&](size_t s, Day ended) {
        if (!leadsTo(s, k))
          return; // routes that never reach `k` do not matter
        const Stage &st = stages[s];
        Day begins = st.wait ? st.wait->after(ended) : ended;
        if (s == k) {
          today |= begins > deadline;
          beyond |= begins > last;
          return;
        }
        if (st.anchored) {
          if (on[st.anchored->anchor]) {
            auto [b, e] = *on[st.anchored->anchor];
            begins = std::max(begins, st.anchored->limit.after(
                                          st.anchored->fromStart ? b : e));
          } else {
            open = true; // measured from before X
          }
        }
        Day ends = st.respond.after(begins);
        on[s] = {begins, ends};
        for (size_t n : next(s))
          walk(n, ends);
        on[s].reset();
      };
      const Stage &x = stages[w.anchor];
      Day ends = w.fromStart ? x.respond.after(t) : t;
      on[w.anchor] = {t, ends};
      for (size_t n : next(w.anchor))
        walk(n, ends);
      if (beyond)
        break;
      broken |= today;
    }
    if (open)
      return std::nullopt;
    return broken;
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
  p.skippable = pick(0, 3) == 0;
  size_t n = pick(2, 5);
  p.stages.resize(n);
  unsigned total = 0;
  for (size_t i = 0; i < n; ++i) {
    Stage &st = p.stages[i];
    st.respond = time(pick(0, 5) == 0 ? 0 : 1, 6);
    total += st.respond.count;
    if (i >= 2 && pick(0, 3) == 0) {
      st.anchored =
          AnchoredWait{pick(0, unsigned(i) - 2), pick(0, 1) == 0, time(1, 12)};
    } else if (pick(0, 3) == 0) {
      st.wait = time(0, 3);
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

TEST(TimingProperty, BoundsAgreeWithEveryRouteOnEveryDay) {
  std::mt19937 rng(20261124);
  int broken = 0, kept = 0, stageBounds = 0, open = 0;
  for (int i = 0; i < 300; ++i) {
    Procedure p = randomProcedure(rng);
    std::string text = p.text();
    std::unique_ptr<Parsed> parsed = parseAndResolve(text);
    ASSERT_EQ(parsed->diags.errorCount(), 0u) << text;
    sema::CheckOptions options;
    options.today = sys_days{2021y / January / 1};
    options.calendar = &smallCalendar();
    sema::checkFile(parsed->file, parsed->diags, options);
    // What the checker said of each bound: 0 nothing, 1 broken, 2 cannot
    // tell. Findings are told apart by their first words.
    std::vector<int> said(p.stages.size() + 1, 0);
    std::string messages;
    for (const diag::Diagnostic &d : parsed->diags.diagnostics()) {
      if (d.kind != diag::DiagKind::TimescaleBoundExceeded &&
          d.kind != diag::DiagKind::UnverifiableBound)
        continue;
      size_t which = 0;
      for (size_t s = 0; s < p.stages.size(); ++s)
        if (d.message.rfind(fmt::format("stage `s{}` must begin", s), 0) == 0)
          which = s + 1;
      said[which] = d.kind == diag::DiagKind::TimescaleBoundExceeded ? 1 : 2;
      messages += d.message + "\n";
    }
    bool truth = p.overallBroken();
    // The overall bound: always settled, and rightly.
    EXPECT_NE(said[0], 2) << text << messages;
    EXPECT_EQ(said[0] == 1, truth) << text << messages;
    (truth ? broken : kept) += 1;
    // Bounds from a stage: settled rightly, but for the few on whose
    // routes a wait measured from a stage before the anchor applies.
    for (size_t s = 0; s < p.stages.size(); ++s) {
      if (!p.stages[s].anchored)
        continue;
      ++stageBounds;
      std::optional<bool> stageTruth = p.stageBoundBroken(s);
      if (!stageTruth) {
        ++open; // whatever the checker says is not checked here
        continue;
      }
      EXPECT_NE(said[s + 1], 2) << "stage s" << s << "\n" << text << messages;
      EXPECT_EQ(said[s + 1] == 1, *stageTruth) << "stage s" << s << "\n"
                                               << text << messages;
    }
  }
  // The generator must exercise both answers.
  EXPECT_GT(broken, 40);
  EXPECT_GT(kept, 40);
  EXPECT_GT(stageBounds, 40);
  EXPECT_LT(open * 4, stageBounds);
}

} // namespace
} // namespace escalade::testing
