// Authoring lint: what can be learned about a checked scenario from its reachable
// states, beyond what `check` reports. Dead `if`s, unused variables, what each
// ending can score, the best and worst paths, dominated choices and the teaching
// checks (feedback, trade-off, say-no). Standard library only.
#pragma once

#include "frontline/analysis.hpp"
#include "frontline/check.hpp"
#include "frontline/diagnostic.hpp"
#include "frontline/scenario.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace frontline {

struct LintOptions {
    size_t state_limit = default_state_limit;
    /// Bound on (situation, technical total) pairs explored by the say-no check.
    size_t score_pair_limit = 250'000;
};

/// One complete call as a trainee would play it.
struct PathSummary {
    bool found = false;
    std::vector<int> choices;       ///< node choice indices, turn by turn (what replay() takes)
    std::vector<std::string> says;  ///< the trainee's words, turn by turn
    int ending = -1;
    int64_t technical = 0;  ///< raw points on arrival
    int64_t personal = 0;
    double technical_percent = 0;
    double personal_percent = 0;
    int mood = 0;
};

/// Lowest and highest value over every way of arriving somewhere.
struct ValueRange {
    int64_t min = 0;
    int64_t max = 0;
    bool min_unbounded = false;  ///< a loop can lower it without limit
};

/// What a trainee can arrive at an ending with.
struct EndingReport {
    bool reachable = false;
    ValueRange technical;  ///< raw points
    ValueRange personal;
    ValueRange mood;
};

/// A node where one choice gains on one need what it costs on the other.
struct TradeOff {
    int node = -1;
    int technical_choice = -1;  ///< the better one technically (index into the node's choices)
    int personal_choice = -1;   ///< the better one personally
    bool best_moves_differ = false;  ///< even the best move for each need differs here
};

/// A choice no better on either need than a sibling wherever both are offered.
struct DominatedChoice {
    int node = -1;
    int choice = -1;
    int by = -1;  ///< the sibling that is at least as good everywhere
};

/// The say-no check: can a trainee reach a top personal score without meeting the technical need?
struct SayNoCheck {
    bool applies = false;  ///< the scenario lists the say-no skill
    bool checked = false;  ///< false when the search was too large (see the diagnostic)
    double best_personal_percent = 0;  ///< best personal % among paths that miss the technical pass mark
    PathSummary path;                  ///< one such path
};

struct LintReport {
    size_t states = 0;
    size_t moves = 0;  ///< edges of the state graph
    int64_t best_technical = 0;
    int64_t best_personal = 0;
    std::vector<bool> node_reached;
    std::vector<EndingReport> endings;  ///< parallel to Scenario::endings
    PathSummary best_technical_path, worst_technical_path;
    PathSummary best_personal_path, worst_personal_path;
    PathSummary best_path;  ///< best on both needs together (sum of the two percentages)
    std::vector<TradeOff> trade_offs;  ///< at most one per node, the strongest kind found
    std::vector<DominatedChoice> dominated;
    SayNoCheck say_no;
};

/// Lints a scenario that has passed check_scenario (load_scenario returns only those).
/// Findings go to `diags` as FL060..FL079; the report holds the numbers behind them.
LintReport lint_scenario(const Scenario& s, DiagnosticList& diags, const LintOptions& options = {});

/// The report for a person: endings, best and worst paths turn by turn, trade-offs.
std::string format_lint_report(const Scenario& s, const LintReport& report);

}  // namespace frontline
