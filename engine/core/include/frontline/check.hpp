// The check pass: everything that can be said about a read scenario without
// running it with a trainee. Resolves names, checks structure, explores states and
// fills in the score bounds the runner's percentages need.
#pragma once

#include "frontline/analysis.hpp"
#include "frontline/diagnostic.hpp"
#include "frontline/scenario.hpp"

namespace frontline {

/// Best achievable raw points on any path, from the state exploration.
struct ScoreBounds {
    int64_t best_technical = 0;
    int64_t best_personal = 0;
    int64_t worst_technical = 0;
    int64_t worst_personal = 0;
    /// What fully meeting each need is worth: `scoring.full_marks` where the author
    /// gives it, else the best achievable. Percentages are of these.
    int64_t full_technical = 0;
    int64_t full_personal = 0;
    size_t states = 0;
};

struct CheckOptions {
    size_t state_limit = default_state_limit;
    size_t state_memory_limit = default_state_memory_limit;
};

/// Resolves `start`/`next`/walkout names into indices, then checks the scenario.
/// Returns the bounds when the scenario has no errors.
std::optional<ScoreBounds> check_scenario(Scenario& s, DiagnosticList& diags, const CheckOptions& options = {});

/// "apologies=2, offered_dessert=true, mood=12": a reachable situation in an author's words.
std::string describe_state(const Scenario& s, const CallState& state);

}  // namespace frontline
