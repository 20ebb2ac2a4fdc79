// Lint cost against scenario size: generated chains of 1k, 10k and 100k nodes.
// Target: the 10,000-node scenario is analysed in under a second, and time per
// reachable state stays flat as the scenario grows (linear cost).
//   frontline_lint_bench [--benchmark_filter=...]
#include "frontline/lint.hpp"

#include "../authoring/generated_scenario.hpp"

#include <benchmark/benchmark.h>

namespace {

void lint_generated(benchmark::State& state) {
    const frontline::Scenario s = frontline::test::generated_scenario(static_cast<int>(state.range(0)));
    size_t states = 0;
    for (auto _ : state) {
        frontline::DiagnosticList diags(s.file);
        frontline::LintReport report = frontline::lint_scenario(s, diags);
        states = report.states;
        benchmark::DoNotOptimize(report);
    }
    state.counters["states"] = static_cast<double>(states);
    // Time per state: flat across sizes means linear growth.
    state.counters["per_state"] = benchmark::Counter(static_cast<double>(states), benchmark::Counter::kIsIterationInvariantRate |
                                                                                    benchmark::Counter::kInvert);
}

}  // namespace

BENCHMARK(lint_generated)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
