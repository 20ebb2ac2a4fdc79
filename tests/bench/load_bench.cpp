// Load-and-check throughput against a raw yaml-cpp parse of the same bytes.
// A generated library of about 100k words (50 scenarios of ~2,000 words, with
// variables, conditions and customer-line variants) is loaded both ways; the
// summary prints MB/s for each and the ratio (target: within 1.3x of raw).
//   frontline_load_bench [--benchmark_filter=...]
#include "frontline/reader.hpp"

#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace {

const char* const words[] = {"sorry", "order", "tomorrow", "table", "kitchen", "refund", "really", "minutes", "manager",
                             "thank", "please", "understand", "waiting", "delivery", "exactly", "honestly"};

std::string sentence(unsigned& seed, int length) {
    std::string s;
    for (int i = 0; i < length; ++i) {
        seed = seed * 1103515245u + 12345u;
        if (i) s += ' ';
        s += words[(seed >> 16) % (sizeof words / sizeof *words)];
    }
    return s + ".";
}

/// One scenario of `nodes` nodes, three choices each; about 110 words per node.
std::string make_scenario(int index, int nodes) {
    unsigned seed = static_cast<unsigned>(index) * 7919u + 1u;
    std::string y = "id: bench-" + std::to_string(index) + "\ntitle: Bench " + std::to_string(index) +
                    "\nsummary: " + sentence(seed, 12) +
                    "\ncustomer: {name: Sam, mood: 50, walkout: {below: 5, ending: lost}}\n"
                    "needs: {technical: " + sentence(seed, 6) + ", personal: " + sentence(seed, 6) + "}\n"
                    "vars: {apologies: 0, offered: false}\nstart: n0\nnodes:\n";
    for (int n = 0; n < nodes; ++n) {
        std::string next = n + 1 < nodes ? "n" + std::to_string(n + 1) : "happy";
        y += "  n" + std::to_string(n) + ":\n    customer:\n      - if: mood < 30\n        text: \"" + sentence(seed, 8) +
             "\"\n      - text: \"" + sentence(seed, 8) + "\"\n    choices:\n";
        y += "      - say: \"" + sentence(seed, 10) + "\"\n        technical: 2\n        personal: 1\n        mood: 5\n"
             "        set: {apologies: apologies + 1}\n        feedback: \"" + sentence(seed, 6) + "\"\n        next: " + next + "\n";
        y += "      - say: \"" + sentence(seed, 8) + "\"\n        if: not offered and apologies > 0\n        personal: 2\n"
             "        set: {offered: true}\n        feedback: \"" + sentence(seed, 6) + "\"\n        next: " + next + "\n";
        y += "      - say: \"" + sentence(seed, 6) + "\"\n        personal: -1\n        mood: -10\n        feedback: \"" +
             sentence(seed, 6) + "\"\n        next: " + (n % 4 == 3 ? std::string("cold") : next) + "\n";
    }
    y += "endings:\n  happy: {outcome: delighted, text: Happy.}\n  cold: {outcome: neutral, text: Cold.}\n"
         "  lost: {outcome: lost, text: Gone.}\n";
    return y;
}

const std::vector<std::string>& library() {
    static const std::vector<std::string> files = [] {
        std::vector<std::string> out;
        for (int i = 0; i < 50; ++i) out.push_back(make_scenario(i, 18));
        return out;
    }();
    return files;
}

int64_t library_bytes() {
    int64_t n = 0;
    for (const auto& f : library()) n += static_cast<int64_t>(f.size());
    return n;
}

void raw_yaml_parse(benchmark::State& state) {
    for (auto _ : state) {
        for (const auto& f : library()) {
            YAML::Node root = YAML::Load(f);
            benchmark::DoNotOptimize(root);
        }
    }
    state.SetBytesProcessed(state.iterations() * library_bytes());
}
BENCHMARK(raw_yaml_parse)->Unit(benchmark::kMillisecond);

void load_and_check(benchmark::State& state) {
    for (auto _ : state) {
        for (const auto& f : library()) {
            frontline::LoadedScenario loaded = frontline::load_scenario_from_bytes(f, "bench.yaml");
            if (!loaded.scenario) {
                state.SkipWithError(frontline::format_diagnostic(loaded.diagnostics.items().at(0)).c_str());
                return;
            }
            benchmark::DoNotOptimize(loaded);
        }
    }
    state.SetBytesProcessed(state.iterations() * library_bytes());
}
BENCHMARK(load_and_check)->Unit(benchmark::kMillisecond);

/// Prints the usual table, then the ratio the target is stated in.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        // CPU time: other work on the machine inflates wall time, not this process's CPU.
        // With --benchmark_repetitions the median stands for the benchmark.
        for (const Run& r : runs) {
            std::string name = r.benchmark_name();
            if (r.run_type == Run::RT_Aggregate) {
                if (r.aggregate_name != "median") continue;
                name = r.run_name.function_name;
            }
            seconds_[name] = r.GetAdjustedCPUTime();
        }
    }
    void Finalize() override {
        ConsoleReporter::Finalize();
        auto raw = seconds_.find("raw_yaml_parse"), ours = seconds_.find("load_and_check");
        if (raw == seconds_.end() || ours == seconds_.end()) return;
        const double mb = static_cast<double>(library_bytes()) / 1e6;
        std::size_t word_count = 0;
        for (const auto& f : library())
            for (std::size_t i = 0; i < f.size(); ++i) word_count += f[i] == ' ' && i + 1 < f.size() && f[i + 1] != ' ';
        std::printf("\nlibrary: %zu files, %.2f MB, about %zu words\n", library().size(), mb, word_count);
        std::printf("raw yaml-cpp parse: %7.1f MB/s\n", mb / (raw->second / 1e3));
        std::printf("load + check:       %7.1f MB/s\n", mb / (ours->second / 1e3));
        std::printf("ratio: %.2fx the raw parse time (target: within 1.30x)\n", ours->second / raw->second);
    }

private:
    std::map<std::string, double> seconds_;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
