// Private to the authoring library: "could a trainee win without reading?" Plays the
// scenario by rules that ignore what the answers mean, samples random play, measures
// whether length gives the best answer away, and finds the quadrants each ending is
// reached in (an ending whose outcome contradicts them misleads the debrief).
#pragma once

#include "frontline/analysis.hpp"
#include "frontline/check.hpp"
#include "frontline/lint.hpp"
#include "frontline/scenario.hpp"

namespace frontline::authoring_detail {

/// Follows `rule` from the start; a rule that loops past `turn_cap` turns has not finished.
BlindProbe play_blind(const Scenario& s, const ScoreBounds& bounds, BlindRule rule, size_t turn_cap);

/// Seeded uniformly random play: `calls` calls, or fewer when `turn_budget` runs out.
RandomProbe sample_random_play(const Scenario& s, const ScoreBounds& bounds, size_t calls, size_t turn_budget,
                               uint64_t seed);

/// Per node with two or more answers (first situation reached there): is the best
/// answer, by `best_edge` (a plan over `g`'s edges), the longest line?
LengthBias measure_length_bias(const Scenario& s, const StateGraph& g, const std::vector<int32_t>& best_edge);

/// The quadrants each ending is reached in, over (situation, technical, personal)
/// triples; unchecked past `triple_limit` of them.
EndingQuadrants quadrants_at_endings(const Scenario& s, const StateGraph& g, const ScoreBounds& bounds,
                                     size_t triple_limit);

/// Characters (UTF-8 code points) in `text`: what "the longest answer" is measured in.
size_t character_count(std::string_view text);

}  // namespace frontline::authoring_detail
