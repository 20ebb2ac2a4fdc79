// Private to the authoring library: derived graphs and path searches built on the
// core's state graph, so the core's plan_need (condensation + Bellman-Ford) does
// every longest/shortest-path computation and none is written twice.
#pragma once

#include "frontline/analysis.hpp"
#include "frontline/lint.hpp"
#include "frontline/scenario.hpp"

#include <vector>

namespace frontline::authoring_detail {

/// The same states with every move turned around, plus one move from the start to
/// "the end". plan_need on it gives, per state, the best and worst totals with
/// which the call can arrive there from the start.
StateGraph reversed_graph(const StateGraph& g);

/// The same graph with the technical weight replaced by
/// technical * technical_scale + personal * personal_scale (for "best on both").
StateGraph combined_graph(const StateGraph& g, int64_t technical_scale, int64_t personal_scale);

/// Plays `choices` from the start and describes the call.
PathSummary summarise_path(const Scenario& s, const std::vector<int>& choices, int64_t best_technical,
                           int64_t best_personal);

/// Per ending: reachable, and the range of each need and of mood on arrival.
std::vector<EndingReport> ending_ranges(const Scenario& s, const StateGraph& g);

/// Best personal total over complete paths whose technical percentage misses the
/// pass mark. Explores (state, technical total) pairs; `checked` is false when
/// there would be more than `pair_limit` of them or a loop can lower the total forever.
SayNoCheck search_say_no(const Scenario& s, const StateGraph& g, int64_t best_technical, int64_t best_personal,
                         size_t pair_limit);

}  // namespace frontline::authoring_detail
