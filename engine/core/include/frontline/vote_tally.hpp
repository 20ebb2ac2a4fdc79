// The class vote's tie rule, shared by typed counts and phone votes.
#pragma once

#include <optional>
#include <vector>

namespace frontline {

/// What a class vote decided. The tie rule: among options sharing the top
/// count, the one shown first wins (what the room sees, no hidden scoring).
struct VoteOutcome {
    int winner = 0;  ///< 1-based among the visible options
    bool tie_broken = false;
};

/// The majority of `votes` (one count per visible option, in the room's order);
/// nullopt when nobody voted or a count is negative.
std::optional<VoteOutcome> tally(const std::vector<int>& votes);

}  // namespace frontline
