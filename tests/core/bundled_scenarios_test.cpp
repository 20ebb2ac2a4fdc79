// Every bundled scenario is played to every one of its endings, on paths found by
// exploring its states, and meets the bar of a real piece of training.
#include "fixtures.hpp"

#include "frontline/analysis.hpp"
#include "frontline/scoring.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

using namespace frontline;

namespace {

/// The shortest path (node choice indices) to each ending, by breadth-first search.
std::map<int, std::vector<int>> paths_to_endings(const StateGraph& g) {
    std::vector<int> parent_edge(g.states.size(), -1);
    std::vector<bool> seen(g.states.size(), false);
    std::map<int, std::vector<int>> out;
    auto path_to = [&](int state) {
        std::vector<int> path;
        while (state != 0) {
            int e = parent_edge[static_cast<size_t>(state)];
            path.push_back(g.edges[static_cast<size_t>(e)].choice);
            // Find the state that owns edge e.
            auto it = std::upper_bound(g.edge_begin.begin(), g.edge_begin.end(), static_cast<uint32_t>(e));
            state = static_cast<int>(it - g.edge_begin.begin()) - 1;
        }
        std::reverse(path.begin(), path.end());
        return path;
    };
    std::deque<int> queue{0};
    seen[0] = true;
    while (!queue.empty()) {
        int s = queue.front();
        queue.pop_front();
        for (uint32_t ei = g.edge_begin[static_cast<size_t>(s)]; ei < g.edge_begin[static_cast<size_t>(s) + 1]; ++ei) {
            const StateEdge& e = g.edges[ei];
            if (e.to < 0) {
                if (!out.count(e.ending)) {
                    auto path = path_to(s);
                    path.push_back(e.choice);
                    out[e.ending] = path;
                }
            } else if (!seen[static_cast<size_t>(e.to)]) {
                seen[static_cast<size_t>(e.to)] = true;
                parent_edge[static_cast<size_t>(e.to)] = static_cast<int>(ei);
                queue.push_back(e.to);
            }
        }
    }
    return out;
}

std::vector<std::filesystem::path> bundled() {
    std::vector<std::string> missing;
    auto files = find_scenario_files({FRONTLINE_SCENARIOS_DIR}, missing);
    REQUIRE(missing.empty());
    return files;
}

}  // namespace

TEST_CASE("every bundled scenario is played to each of its endings", "[scenarios]") {
    auto files = bundled();
    REQUIRE(files.size() >= 6);
    for (const auto& file : files) {
        INFO(file.string());
        LoadedScenario loaded = load_scenario(file);
        REQUIRE(loaded.scenario);
        const Scenario& s = *loaded.scenario;
        StateGraph g = explore_states(s);
        auto paths = paths_to_endings(g);
        CHECK(paths.size() == s.endings.size());
        std::set<Outcome> outcomes;
        for (const auto& [ending, path] : paths) {
            INFO("ending " << s.ending(ending).id);
            size_t applied = 0;
            Runner run = replay(s, path, &applied);
            CHECK(applied == path.size());
            REQUIRE(run.finished());
            CHECK(run.state().ending == ending);
            outcomes.insert(run.ending()->outcome);
            AttemptScore score = score_attempt(s, *loaded.bounds, run);
            CHECK(score.technical_percent >= 0);
            CHECK(score.personal_percent <= 100);
        }
        CHECK(outcomes.size() >= 3);
    }
}

TEST_CASE("bundled scenarios are real training: size, feedback, variables, best path", "[scenarios]") {
    for (const auto& file : bundled()) {
        INFO(file.string());
        LoadedScenario loaded = load_scenario(file);
        REQUIRE(loaded.scenario);
        const Scenario& s = *loaded.scenario;
        CHECK(s.nodes.size() >= 10);
        CHECK(s.endings.size() >= 3);
        CHECK_FALSE(s.debrief.empty());
        CHECK_FALSE(s.vars.empty());
        bool has_condition = false;
        for (const Node& n : s.nodes) {
            for (const Choice& c : n.choices) {
                INFO(n.id << ": " << c.say);
                CHECK_FALSE(c.feedback.empty());
                has_condition |= !c.condition.empty();
            }
        }
        CHECK(has_condition);
        // The best path on each need must reach a well-ended call, and the best
        // technical path alone must not also be the best personal path (a trade-off exists).
        StateGraph g = explore_states(s);
        auto plans = plan_needs(g);
        Runner best_personal = replay(s, follow_plan(g, plans[1].best_edge));
        REQUIRE(best_personal.finished());
        CHECK((best_personal.ending()->outcome == Outcome::delighted || best_personal.ending()->outcome == Outcome::satisfied));
        Runner best_technical = replay(s, follow_plan(g, plans[0].best_edge));
        AttemptScore t = score_attempt(s, *loaded.bounds, best_technical);
        AttemptScore p = score_attempt(s, *loaded.bounds, best_personal);
        // The best paths reach the most the scenario allows: 100%, or less where the
        // author's full marks say the need cannot be fully met.
        CHECK(p.personal_percent == Approx(most_possible_percent(*loaded.bounds, Need::personal)));
        CHECK(t.technical_percent == Approx(most_possible_percent(*loaded.bounds, Need::technical)));
    }
}
