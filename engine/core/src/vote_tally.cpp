#include "frontline/vote_tally.hpp"

namespace frontline {

std::optional<VoteOutcome> tally(const std::vector<int>& votes) {
    int top = -1;
    size_t winner = 0;
    int at_top = 0;
    for (size_t i = 0; i < votes.size(); ++i) {
        if (votes[i] < 0) return std::nullopt;
        if (votes[i] > top) {
            top = votes[i];
            winner = i;
            at_top = 1;
        } else if (votes[i] == top) {
            ++at_top;  // the earlier option keeps the win
        }
    }
    if (top <= 0) return std::nullopt;  // nobody voted: nothing to proceed with
    return VoteOutcome{static_cast<int>(winner) + 1, at_top > 1};
}

}  // namespace frontline
