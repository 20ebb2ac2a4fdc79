// Exploration of a scenario's reachable states: the basis of the percent scores
// (best achievable on any path), of reachability checks and of authoring lint.
// States are explored breadth-first and memoised; the state graph's strongly
// connected components make loops safe (a loop that can farm points is reported).
#pragma once

#include "frontline/runner.hpp"
#include "frontline/scenario.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <limits>
#include <vector>

namespace frontline {

inline constexpr size_t default_state_limit = 500'000;
/// Bound on the memory the state table may take (states, their keys and edges), so a
/// small file with thousands of variables is refused rather than exhausting the machine.
inline constexpr size_t default_state_memory_limit = size_t{128} << 20;

/// One transition: choice `choice` taken in state `from`.
struct StateEdge {
    int to = -1;      ///< state index, or -1 when the edge ends the call
    int ending = -1;  ///< ending reached when to == -1
    int choice = -1;
    int technical = 0;
    int personal = 0;
    int mood_after = 0;
};

/// The reachable state graph. State 0 is the start.
struct StateGraph {
    std::vector<CallState> states;
    std::vector<uint32_t> edge_begin;  ///< CSR: edges of state i are [edge_begin[i], edge_begin[i+1])
    std::vector<StateEdge> edges;
    bool complete = true;         ///< false when the state or memory limit stopped exploration
    bool memory_limited = false;  ///< the memory limit (not the count) stopped it
    size_t bytes_per_state = 0;   ///< what one state costs in the table, for messages
    bool reads_turn = false, reads_scores = false, keeps_mood = false;

    std::span<const StateEdge> edges_of(size_t state) const {
        return {edges.data() + edge_begin[state], edges.data() + edge_begin[state + 1]};
    }
};

/// States that differ only in variables no expression reads are one state: they behave alike.
StateGraph explore_states(const Scenario& s, size_t state_limit = default_state_limit,
                          size_t memory_limit = default_state_memory_limit);
/// The same from any call state at a node (an author's playtest from a chosen node and values).
StateGraph explore_states_from(const Scenario& s, const CallState& start, size_t state_limit = default_state_limit,
                               size_t memory_limit = default_state_memory_limit);

/// Best and worst totals reachable from the start to any ending, per need.
inline constexpr int64_t unreachable_score = std::numeric_limits<int64_t>::min() / 4;

struct NeedRange {
    int64_t best = unreachable_score;   ///< max raw points over complete paths
    int64_t worst = unreachable_score;  ///< min raw points over complete paths
    bool best_unbounded = false;        ///< a loop can raise it without limit
    bool worst_unbounded = false;
    int loop_choice_node = -1, loop_choice = -1;  ///< a choice on a farming loop, for the message
};

/// Per-state optimum for one need: value and the edge that achieves it.
struct NeedPlan {
    std::vector<int64_t> best;       ///< per state; unreachable_score if no ending reachable
    std::vector<int32_t> best_edge;  ///< per state, index into StateGraph::edges, -1 at none
    std::vector<int64_t> worst;
    std::vector<int32_t> worst_edge;
    NeedRange range;
};

enum class Need : uint8_t { technical, personal };

/// Longest/shortest path over the state graph's condensation; Bellman-Ford inside loops.
NeedPlan plan_need(const StateGraph& g, Need need);
/// Both needs at once (index by Need), sharing the condensation.
std::array<NeedPlan, 2> plan_needs(const StateGraph& g);

/// Per state: can any ending be reached from it?
std::vector<bool> can_finish(const StateGraph& g);

/// Follows plan edges from the start; returns node choice indices, turn by turn.
std::vector<int> follow_plan(const StateGraph& g, const std::vector<int32_t>& plan_edges);

}  // namespace frontline
