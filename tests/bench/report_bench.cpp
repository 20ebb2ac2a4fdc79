// `frontline results report` cost against the size of the store: no attempts, one
// trainee's 20 calls, and 10,000 attempts (200 trainees on four bundled scenarios, 5% left
// unfinished). Target: the 10,000-attempt report in under 2 s, measured from
// opening the store to the last byte of HTML.
//   frontline_report_bench [--benchmark_filter=...]
// The stores are built once (10,000 calls take a while to commit) and kept in
// $TMPDIR/frontline-report-bench/ for the next run.
#include "frontline/reader.hpp"
#include "frontline/results/report.hpp"
#include "frontline/results/report_html.hpp"
#include "frontline/results/store.hpp"
#include "frontline/scoring.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>

using namespace frontline;
using namespace frontline::results;

namespace {

const std::vector<ScenarioFile>& files() {
    static const std::vector<ScenarioFile> loaded = [] {
        std::vector<ScenarioFile> out;
        for (const char* id : {"cold-meal", "late-checkout", "third-transfer", "shouting-caller"}) {
            LoadedScenario l = load_scenario(std::filesystem::path(FRONTLINE_SCENARIOS_DIR) / (std::string(id) + ".yaml"));
            if (!l.scenario) throw std::runtime_error(std::string("cannot load ") + id);
            out.push_back({*l.scenario, *l.bounds});
        }
        return out;
    }();
    return loaded;
}

/// A store with `attempts` calls by `trainees` trainees, played at random (seeded).
std::filesystem::path store_with(int attempts, int trainees) {
    const auto dir = std::filesystem::temp_directory_path() / "frontline-report-bench";
    std::filesystem::create_directories(dir);
    const auto file = dir / ("store-" + std::to_string(attempts) + ".db");
    if (auto existing = ResultsStore::open(file, ResultsStore::Access::read_only); existing && existing->attempts()->size() == static_cast<size_t>(attempts))
        return file;
    std::filesystem::remove(file);
    auto store = ResultsStore::open(file);
    if (!store) throw std::runtime_error(store.error().message);
    uint64_t seed = 4711;
    for (int i = 0; i < attempts; ++i) {
        const ScenarioFile& f = files()[static_cast<size_t>(i) % files().size()];
        const std::string trainee = "Trainee " + std::to_string(i % std::max(1, trainees));
        Runner run(f.scenario);
        const bool unfinished = i % 20 == 19;
        std::optional<AttemptId> open;
        if (unfinished) open = *store->start_attempt(trainee, f.scenario, AttemptMode::practice, "terminal");
        for (int turn = 0; turn < 60 && !run.finished(); ++turn) {
            const std::vector<int> visible = run.choices();
            run.choose(visible[splitmix64_next(seed) % visible.size()], 3.0);
            if (unfinished) {
                (void)store->record_choice(*open, f.scenario, *run.last_choice());
                if (turn == 1) break;  // left half-way
            }
        }
        if (!unfinished)
            if (auto id = store->record_finished_attempt(trainee, f.scenario, AttemptMode::practice, "terminal", run,
                                                         score_attempt(f.scenario, f.bounds, run));
                !id)
                throw std::runtime_error(id.error().message);
    }
    return file;
}

void report(benchmark::State& state) {
    const int attempts = static_cast<int>(state.range(0));
    const auto file = store_with(attempts, attempts <= 20 ? 1 : 200);  // up to 20: one trainee's history
    size_t bytes = 0;
    for (auto _ : state) {
        auto store = ResultsStore::open(file, ResultsStore::Access::read_only);
        auto rows = store->report_rows({});
        const Report r = build_report(*rows, {}, false, files(), "2030-01-01T00:00:00Z");
        std::ostringstream html;
        write_report_html(html, r);
        bytes = html.str().size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["html_bytes"] = static_cast<double>(bytes);
}

}  // namespace

BENCHMARK(report)->Arg(0)->Arg(20)->Arg(10'000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
