// InterpreterBenchmark.cpp — how fast escrun takes in events: Medway's
// table, and a stream of cases each raised, escalated through the stages,
// told, recorded and resolved, as JSON Lines. Measures reading (simdjson)
// and applying together, and applying alone, in events per second. Run:
// build/bin/escalade_benchmarks --benchmark_filter=Events
#include "calendar/WorkingDayCalendar.h"
#include "emit/TableBuilder.h"
#include "interp/EventReader.h"
#include "interp/Interpreter.h"
#include "parse/Parser.h"
#include "sema/Checker.h"

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

using namespace escalade;

namespace {

table::Table medwayTable() {
  std::ifstream in(ESCALADE_SOURCE_DIR "/policies/medway.esc");
  std::stringstream text;
  text << in.rdbuf();
  source::SourceManager sources;
  diag::DiagnosticEngine diags;
  uint32_t id = sources.addBuffer("medway.esc", text.str());
  ast::File file = llvm::cantFail(parse::parseFile(sources, id, diags));
  return emit::buildTable(file, runtime::WorkingDayCalendar::englandAndWales());
}

/// Ten events per case, cases interleaved in blocks of a hundred, over the
/// years 2015 to 2034 so that due dates fall across the whole calendar.
std::string events(int cases) {
  std::string out;
  const char *steps[] = {
      R"("event": "raised", "facts": ["cp_plan"])",
      R"("event": "escalated")",
      R"("event": "escalated")",
      R"("event": "informed", "recipient": "cp_chair")",
      R"("event": "recorded", "record": "child_file")",
      R"("event": "informed", "recipient": "mscp")",
      R"("event": "escalated")",
      R"("event": "fact_set", "fact": "in_care")",
      R"("event": "informed", "recipient": "iro")",
      R"("event": "resolved")",
  };
  for (int block = 0; block < cases; block += 100)
    for (int step = 0; step < 10; ++step)
      for (int c = block; c < std::min(cases, block + 100); ++c) {
        int year = 2015 + c % 20, month = 1 + c % 12, day = 1 + c % 20;
        char buf[256];
        snprintf(buf, sizeof buf,
                 R"({"case": "MW-%07d", "at": "%04d-%02d-%02dT%02d:%02d", %s})",
                 c, year, month, day + step / 4, 9 + step % 4, 10 + step,
                 steps[step]);
        out += buf;
        out += '\n';
      }
  return out;
}

void ReadAndApplyEvents(benchmark::State &state) {
  table::Table t = medwayTable();
  std::string text = events(static_cast<int>(state.range(0)));
  uint64_t applied = 0, rejected = 0;
  for (auto _ : state) {
    interp::Interpreter in(t, runtime::WorkingDayCalendar::englandAndWales());
    interp::EventReader reader(text);
    std::string error;
    reader.read(
        [&](const interp::Event &e) {
          if (in.apply(e, error))
            ++applied;
          else
            ++rejected;
        },
        [&](const interp::LineError &) { ++rejected; });
    benchmark::DoNotOptimize(in.cases().size());
  }
  if (rejected)
    state.SkipWithError("the generated events were rejected");
  state.SetItemsProcessed(int64_t(applied));
  state.SetBytesProcessed(state.iterations() * int64_t(text.size()));
}

void ApplyEvents(benchmark::State &state) {
  table::Table t = medwayTable();
  std::string text = events(static_cast<int>(state.range(0)));
  // Read once, keeping copies of the strings the events point to.
  std::vector<interp::Event> parsed;
  std::vector<std::string> keep;
  keep.reserve(size_t(state.range(0)) * 20);
  interp::EventReader reader(text);
  reader.read(
      [&](const interp::Event &e) {
        interp::Event copy = e;
        auto own = [&](std::string_view &s) {
          if (!s.empty()) {
            keep.emplace_back(s);
            s = keep.back();
          }
        };
        own(copy.caseRef);
        own(copy.recipient);
        own(copy.record);
        own(copy.fact);
        copy.facts.clear();
        if (!e.facts.empty()) {
          keep.emplace_back(e.facts[0]);
          copy.facts.push_back(keep.back());
        }
        parsed.push_back(copy);
      },
      [&](const interp::LineError &) {});
  uint64_t applied = 0;
  for (auto _ : state) {
    interp::Interpreter in(t, runtime::WorkingDayCalendar::englandAndWales());
    std::string error;
    for (const interp::Event &e : parsed)
      applied += in.apply(e, error);
    benchmark::DoNotOptimize(in.cases().size());
  }
  state.SetItemsProcessed(int64_t(applied));
}

} // namespace

BENCHMARK(ReadAndApplyEvents)
    ->Arg(1000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(ApplyEvents)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);
