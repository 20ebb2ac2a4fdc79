// The author's map of a scenario: a layered layout (nodes by BFS depth from the
// start, endings in the last column), the edges between them and the best path,
// as plain data. Built once when the map opens (it runs the lint's exploration);
// the screen only draws it, and a test can read it without a window.
#pragma once

#include "frontline/runner.hpp"
#include "frontline/scenario.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace frontline::game {

/// One box on the map: a node or an ending of the scenario.
struct MapBox {
    Target target;          ///< node or ending index
    int layer = 0;          ///< column: BFS depth, unreachable nodes after, endings last
    int row = 0;            ///< position within the column, in discovery order
    bool reachable = true;  ///< by the node graph from the start (conditions ignored)
    bool on_best_path = false;
};

/// One move between boxes: every choice's `next` (several choices may share one).
struct MapEdge {
    int from = -1;  ///< box index
    int to = -1;    ///< box index
    bool on_best_path = false;
};

struct AuthorMap {
    std::vector<MapBox> boxes;
    std::vector<MapEdge> edges;
    int layers = 0;
    int max_rows = 0;  ///< rows of the tallest column
    /// Box index of a target; -1 if absent.
    int box_of(Target t) const;
};

/// Lays out `s` and marks its best path on both needs together (the lint's best_path).
AuthorMap build_author_map(const Scenario& s);

/// The box the call is at: its node, or its ending once over; the start node without a call.
int current_box(const AuthorMap& m, const Scenario& s, const Runner* runner);

/// What the author asks a playtest to start with: a node, variable values, mood.
struct PlaytestStart {
    int node = -1;
    std::vector<Value> vars;  ///< one per scenario variable (booleans as 0/1)
    int mood = 50;
};

/// The defaults the form opens with: the scenario's initial values.
PlaytestStart default_playtest(const Scenario& s, int node);

/// The call state a playtest starts from; nullopt if `p` does not fit `s`.
std::optional<CallState> playtest_state(const Scenario& s, const PlaytestStart& p);

}  // namespace frontline::game
