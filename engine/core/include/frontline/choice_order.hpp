// The order in which a node's choices are put in front of the trainee. Shown in the
// author's order, the best answer's position would teach "press 1"; so the front-ends
// shuffle, with a permutation that depends only on (seed, node, turn). The same seed
// therefore shows the same order on replay, to a whole workshop room, and in a test.
#pragma once

#include "frontline/scenario.hpp"

#include <cstdint>
#include <vector>

namespace frontline {

struct CallState;  // runner.hpp

/// How choices are ordered on screen. The default is the author's order, which
/// scripts, walkthroughs and `--choices` use so they stay stable whatever the shuffle.
struct ChoiceOrder {
    bool shuffle = false;
    uint64_t seed = 0;  ///< recorded with an attempt so its order can be reproduced

    static ChoiceOrder authored() { return {}; }
    static ChoiceOrder shuffled(uint64_t seed) { return {true, seed}; }
    friend bool operator==(const ChoiceOrder&, const ChoiceOrder&) = default;
};

/// The choices visible in `state` (indices into the node's choices) in the order they
/// are shown. Nodes with `shuffle: false` keep the author's order.
std::vector<int> presented_choices(const Scenario& s, const CallState& state, const ChoiceOrder& order);

/// A fresh seed for a new call (from the system's random device and the clock).
uint64_t fresh_shuffle_seed();

/// The next number of a splitmix64 stream: tiny, well mixed, and the same on every
/// platform and standard library (std::shuffle and the std distributions are not),
/// so a recorded seed reproduces an order, and a seeded sample its figures, anywhere.
uint64_t splitmix64_next(uint64_t& state);

}  // namespace frontline
