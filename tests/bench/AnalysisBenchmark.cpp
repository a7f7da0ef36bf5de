// AnalysisBenchmark.cpp — how long checking takes on procedures far larger
// than any published one (up to 10,000 stages), in the shapes that cost
// most: a plain chain; a chain whose every stage has a `begin within` bound
// measured from the stage before and conditional routes; and the same with
// `stages may be skipped`, whose skip routes would be quadratic if drawn
// naively; and stages in calendar days under bounds in working days, which
// send every bound to the search by date. Run: build/bin/escalade_benchmarks
// (not part of the test suite, which asserts nothing about time).
#include "calendar/WorkingDayCalendar.h"
#include "parse/Parser.h"
#include "sema/Checker.h"

#include <benchmark/benchmark.h>

#include <string>

using namespace escalade;

namespace {

enum Shape { Chain = 0, Bounded = 1, Skippable = 2, MixedUnits = 3 };

std::string procedure(int stages, Shape shape) {
  std::string s = "procedure big \"A large procedure\"\n"
                  "  role r0 \"Role 0\"\n  role r1 \"Role 1\"\n"
                  "  fact f \"A fact\"\n  outcome done \"Done\"\n"
                  "  process help \"Urgent help\"\n";
  if (shape == Skippable)
    s += "  stages may be skipped\n";
  s += "  overall within 100000 working days\n  every stage\n"
       "    keep record \"The escalation\"\n    when urgent -> help\n"
       "    when resolved -> done\n";
  for (int i = 0; i < stages; ++i) {
    s += "  stage s" + std::to_string(i) + " \"Stage " + std::to_string(i) +
         " – escalate\"\n    owner r" + std::to_string(i % 2) + "\n";
    if (shape == MixedUnits) {
      // Three calendar days hold 0 to 3 working days: each bound falls
      // between the least and the most, so only the dates can settle it.
      s += "    respond within 3 calendar days\n";
      if (i > 1)
        s += "    begin within 4 working days from start of s" +
             std::to_string(i - 2) + "\n";
    } else {
      s += "    respond within 5 working days\n";
    }
    if (shape != Chain && shape != MixedUnits && i > 0)
      s += "    begin within 1 working day from end of s" +
           std::to_string(i - 1) + "\n    inform r0 when f\n";
    if (i + 1 < stages) {
      if (shape != Chain)
        s += "    when unresolved and f -> s" + std::to_string(i + 1) + "\n";
      s += "    when unresolved -> s" + std::to_string(i + 1) + "\n";
    } else {
      s += "    decision by r0\n    final\n";
    }
  }
  return s;
}

void check(benchmark::State &state, bool analyse) {
  std::string text =
      procedure(static_cast<int>(state.range(0)), Shape(state.range(1)));
  sema::CheckOptions options;
  options.calendar = &runtime::WorkingDayCalendar::englandAndWales();
  options.analyses = analyse;
  for (auto _ : state) {
    source::SourceManager sources;
    diag::DiagnosticEngine diags;
    uint32_t id = sources.addBuffer("big.esc", text);
    ast::File file = llvm::cantFail(parse::parseFile(sources, id, diags));
    sema::checkFile(file, diags, options);
    if (diags.errorCount() != 0)
      state.SkipWithError("the generated procedure has errors");
    benchmark::DoNotOptimize(diags.size());
  }
  state.SetBytesProcessed(state.iterations() * int64_t(text.size()));
}

void ParseAndNames(benchmark::State &state) { check(state, false); }
void ParseAndAllChecks(benchmark::State &state) { check(state, true); }

void Sizes(benchmark::internal::Benchmark *b) {
  for (int shape : {Chain, Bounded, Skippable, MixedUnits})
    for (int n : {100, 1000, 10000})
      b->Args({n, shape});
  b->Unit(benchmark::kMillisecond);
}

} // namespace

BENCHMARK(ParseAndNames)->Apply(Sizes);
BENCHMARK(ParseAndAllChecks)->Apply(Sizes);
BENCHMARK_MAIN();
