// Shared by the results tests: a temporary folder that cleans up after itself,
// bundled scenarios loaded once, and a call played along a scripted path.
#pragma once

#include "frontline/analysis.hpp"
#include "frontline/reader.hpp"
#include "frontline/results/store.hpp"
#include "frontline/scoring.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace frontline::results::testing {

/// A fresh folder under the system temp dir, removed (with its contents) at scope end.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "frontline-results-XXXXXX").string();
        path_ = mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path db() const { return path_ / "results.db"; }

private:
    std::filesystem::path path_;
};

/// A bundled scenario with its bounds, loaded and checked.
struct Fixture {
    Scenario scenario;
    ScoreBounds bounds;
};

inline const Fixture& bundled(const std::string& name) {
    static std::map<std::string, Fixture> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        LoadedScenario loaded = load_scenario(std::filesystem::path(FRONTLINE_SCENARIOS_DIR) / (name + ".yaml"));
        REQUIRE(loaded.scenario);
        it = cache.emplace(name, Fixture{*loaded.scenario, *loaded.bounds}).first;
    }
    return it->second;
}

/// The best or worst call on both needs at once (each need's points weighted by the
/// other's full marks, so both count alike), from the state analysis, as visible-choice
/// numbers in the author's order: the tests follow the scenario as it is written, not
/// numbers that an edit to it would break.
inline std::vector<int> planned_script(const Fixture& f, bool worst) {
    const StateGraph g = explore_states(f.scenario);
    StateGraph both = g;
    for (StateEdge& e : both.edges)
        e.technical = static_cast<int>(e.technical * std::max<int64_t>(1, f.bounds.full_personal) +
                                       e.personal * std::max<int64_t>(1, f.bounds.full_technical));
    const NeedPlan plan = plan_need(both, Need::technical);
    std::vector<int> script;
    Runner run(f.scenario);
    for (int choice : follow_plan(g, worst ? plan.worst_edge : plan.best_edge)) {
        const std::vector<int> visible = run.choices();
        script.push_back(static_cast<int>(std::find(visible.begin(), visible.end(), choice) - visible.begin()) + 1);
        REQUIRE(run.choose(choice));
    }
    REQUIRE(run.finished());
    return script;
}
inline std::vector<int> best_script(const Fixture& f) { return planned_script(f, false); }
inline std::vector<int> worst_script(const Fixture& f) { return planned_script(f, true); }

/// Plays the visible-choice numbers in `script` (as `play --choices` takes them).
inline Runner play_path(const Scenario& s, const std::vector<int>& script, double seconds_each = 2.5) {
    Runner run(s);
    for (int number : script) {
        if (run.finished()) break;
        REQUIRE(run.choose_visible(number, seconds_each));
    }
    return run;
}

/// The last choice entry of a transcript: what a front-end records after choose().
inline const TranscriptEntry& last_choice(const Runner& run) {
    const TranscriptEntry* latest = run.last_choice();
    if (!latest) FAIL("no choice in the transcript");
    return *latest;
}

/// Records a whole call choice by choice, the way the game and `play` do.
inline AttemptId record_call(ResultsStore& store, const std::string& trainee, const Fixture& f, const std::vector<int>& script,
                             AttemptMode mode = AttemptMode::practice) {
    auto id = store.start_attempt(trainee, f.scenario, mode, "terminal");
    REQUIRE(id.ok());
    Runner run(f.scenario);
    for (int number : script) {
        if (run.finished()) break;
        REQUIRE(run.choose_visible(number, 3.0));
        REQUIRE(store.record_choice(*id, f.scenario, last_choice(run)).ok());
    }
    REQUIRE(run.finished());
    REQUIRE(store.finish_attempt(*id, f.scenario, score_attempt(f.scenario, f.bounds, run)).ok());
    return *id;
}

}  // namespace frontline::results::testing
