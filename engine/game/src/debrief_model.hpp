// What the debrief shows, computed once when a call ends: pure data built from
// the runner's transcript and the state before each choice, so tests can check
// the debrief's content without reading pixels.
#pragma once

#include "frontline/check.hpp"
#include "frontline/runner.hpp"
#include "frontline/scenario.hpp"

#include <string>
#include <vector>

namespace frontline::game {

/// A choice the trainee could have made at a turn, and what it would have done.
struct Alternative {
    int choice = -1;  ///< index into the node's choices
    std::string say;
    std::string feedback;
    int technical = 0;
    int personal = 0;
    int mood = 0;
};

/// One turn of the call as the debrief reviews it.
struct TurnReview {
    int turn = 0;  ///< 1-based
    int node = -1;
    std::string customer;  ///< what the customer had just said
    int choice = -1;       ///< index into the node's choices
    std::string say;
    std::string feedback;
    int technical = 0;  ///< deltas this choice caused
    int personal = 0;
    int mood = 0;
    int mood_after = 0;
    int dead_air_mood = 0;  ///< mood lost to silence before this choice (<= 0)
    double seconds = 0;     ///< thinking time
    double technical_percent_after = 0;
    double personal_percent_after = 0;
    std::vector<Alternative> not_taken;
};

/// A point on the quadrant chart: percents after a turn (turn 0 = the start).
struct PathPoint {
    double technical_percent = 0;
    double personal_percent = 0;
};

struct DebriefModel {
    std::vector<TurnReview> turns;
    std::vector<PathPoint> path;  ///< start, then after each turn
    std::vector<int> mood_curve;  ///< start mood, then after every mood-changing entry
    int ending = -1;
    std::string ending_id;
    std::string ending_text;
    Outcome outcome = Outcome::neutral;
    bool walked_out = false;
};

/// The paths not taken come from the runner's own record of the state before each
/// choice, so conditions on mood or variables are judged exactly (dead air included).
DebriefModel build_debrief(const Scenario& s, const ScoreBounds& bounds, const Runner& run);

}  // namespace frontline::game
