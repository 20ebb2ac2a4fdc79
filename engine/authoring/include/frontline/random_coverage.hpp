// Random testing, after ChoiceScript's randomtest: play many seeded random calls and
// count how often each node, choice and ending was reached. What random play never
// reaches in thousands of calls is either unreachable or so rare that trainees will not
// see it either; both are worth an author's look. Standard library only.
#pragma once

#include "frontline/diagnostic.hpp"
#include "frontline/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace frontline {

/// What `random_coverage` saw. Counts are calls, not visits: a node reached three times
/// in one call (a loop) counts once, so every count is out of `calls`.
struct RandomCoverage {
    uint64_t seed = 0;
    size_t calls = 0;                ///< calls played
    size_t ended = 0;                ///< calls that reached an ending
    size_t stuck = 0;                ///< calls that stopped at a node with no visible choice
    size_t cut_off = 0;              ///< calls stopped at the turn limit (a loop random play did not leave)
    size_t turns = 0;                ///< choices made over all calls
    std::vector<size_t> node_calls;  ///< per node: calls that reached it
    std::vector<std::vector<size_t>> choice_calls;  ///< per node, per choice: calls that took it
    std::vector<size_t> ending_calls;               ///< per ending: calls that ended there
};

struct RandomCoverageOptions {
    size_t calls = 1000;
    uint64_t seed = 1;
    size_t turn_limit = 1000;  ///< per call
};

/// Plays `options.calls` calls from the start, each choice picked uniformly among the
/// visible ones by a splitmix64 stream seeded with `options.seed`: the same seed gives
/// the same figures on every platform. `s` must be a checked scenario.
RandomCoverage random_coverage(const Scenario& s, const RandomCoverageOptions& options);

/// Adds a warning (FL085) at each node, choice and ending that no call reached, and one
/// (FL086) at the start when calls were cut off by the turn limit or got stuck.
void report_unreached(const Scenario& s, const RandomCoverage& coverage, DiagnosticList& diags);

}  // namespace frontline
